-- CreateTable
CREATE TABLE "matching_event" (
    "id" TEXT NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "organiser" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "matching_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "matching_event_bank" (
    "event_id" TEXT NOT NULL,
    "bank_code" TEXT NOT NULL,

    CONSTRAINT "matching_event_bank_pkey" PRIMARY KEY ("event_id","bank_code")
);

-- CreateTable
CREATE TABLE "matching_event_firm" (
    "event_id" TEXT NOT NULL,
    "credit_code" CHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "came" BOOLEAN NOT NULL DEFAULT false,
    "registered_by" TEXT NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "matching_event_firm_pkey" PRIMARY KEY ("event_id","credit_code")
);

-- CreateTable
CREATE TABLE "matching_outcome" (
    "id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "credit_code" CHAR(18) NOT NULL,
    "bank_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "need" JSONB,
    "note" TEXT,
    "lead_id" TEXT,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "matching_outcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "matching_event_date_idx" ON "matching_event"("date");

-- CreateIndex
CREATE INDEX "matching_event_bank_bank_code_idx" ON "matching_event_bank"("bank_code");

-- CreateIndex
CREATE INDEX "matching_outcome_event_id_idx" ON "matching_outcome"("event_id");

-- AddForeignKey
ALTER TABLE "matching_event_bank" ADD CONSTRAINT "matching_event_bank_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "matching_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "matching_event_firm" ADD CONSTRAINT "matching_event_firm_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "matching_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "matching_outcome" ADD CONSTRAINT "matching_outcome_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "matching_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
