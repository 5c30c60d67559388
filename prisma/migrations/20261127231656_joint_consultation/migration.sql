-- CreateTable
CREATE TABLE "consultation" (
    "consultation_id" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "batch_id" TEXT,
    "from_case_no" TEXT,
    "firm_name" TEXT NOT NULL,
    "credit_code" CHAR(18) NOT NULL,
    "street_code" TEXT NOT NULL,
    "bank_code" TEXT NOT NULL,
    "refused_product" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "stage" TEXT NOT NULL,
    "sla_state" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "reasons" JSONB NOT NULL,
    "plan" JSONB,
    "plan_bank_code" TEXT,
    "linked_case_no" TEXT,
    "created_by" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "consultation_pkey" PRIMARY KEY ("consultation_id")
);

-- CreateTable
CREATE TABLE "consultation_event" (
    "id" BIGSERIAL NOT NULL,
    "consultation_id" TEXT NOT NULL,
    "event_key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "consultation_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation_batch" (
    "batch_id" TEXT NOT NULL,
    "bank_code" TEXT NOT NULL,
    "firm_count" INTEGER NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" TEXT NOT NULL,

    CONSTRAINT "consultation_batch_pkey" PRIMARY KEY ("batch_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "consultation_workflow_id_key" ON "consultation"("workflow_id");

-- CreateIndex
CREATE INDEX "consultation_batch_id_idx" ON "consultation"("batch_id");

-- CreateIndex
CREATE INDEX "consultation_bank_code_idx" ON "consultation"("bank_code");

-- CreateIndex
CREATE INDEX "consultation_plan_bank_code_idx" ON "consultation"("plan_bank_code");

-- CreateIndex
CREATE INDEX "consultation_from_case_no_idx" ON "consultation"("from_case_no");

-- CreateIndex
CREATE UNIQUE INDEX "consultation_event_consultation_id_event_key_key" ON "consultation_event"("consultation_id", "event_key");

-- AddForeignKey
ALTER TABLE "consultation_event" ADD CONSTRAINT "consultation_event_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("consultation_id") ON DELETE RESTRICT ON UPDATE CASCADE;

