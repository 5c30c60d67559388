-- AlterTable
ALTER TABLE "staff_member" ADD COLUMN     "groups" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "event_key" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "zh" TEXT NOT NULL,
    "en" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "delivered_at" TIMESTAMPTZ(3),
    "delivery_ref" TEXT,
    "acknowledged_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_recipient_created_at_idx" ON "notification"("recipient", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_source_event_key_recipient_key" ON "notification"("source", "event_key", "recipient");
