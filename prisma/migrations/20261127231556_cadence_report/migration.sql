-- CreateTable
CREATE TABLE "cadence_report" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "business_date" TEXT NOT NULL,
    "period_from" TEXT NOT NULL,
    "period_to" TEXT NOT NULL,
    "scheduled_for" TIMESTAMPTZ(3) NOT NULL,
    "generated_at" TIMESTAMPTZ(3) NOT NULL,
    "provisional" BOOLEAN NOT NULL,
    "content" JSONB NOT NULL,

    CONSTRAINT "cadence_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cadence_report_kind_business_date_idx" ON "cadence_report"("kind", "business_date");

