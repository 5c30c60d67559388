-- AlterTable
ALTER TABLE "loan_case" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "case_task" (
    "case_no" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "assignee" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "sla_state" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "evidence" JSONB,
    "completed_at" TIMESTAMPTZ(3),
    "completed_by" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_task_pkey" PRIMARY KEY ("case_no","kind")
);

-- CreateTable
CREATE TABLE "sandbox_contract" (
    "idempotency_key" TEXT NOT NULL,
    "contract_no" TEXT NOT NULL,
    "bank_code" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "rate_bp" INTEGER NOT NULL,
    "term_months" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_contract_pkey" PRIMARY KEY ("idempotency_key")
);

-- CreateTable
CREATE TABLE "sandbox_disbursement" (
    "idempotency_key" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "bank_code" TEXT NOT NULL,
    "contract_no" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_disbursement_pkey" PRIMARY KEY ("idempotency_key")
);

-- CreateIndex
CREATE INDEX "case_task_assignee_status_idx" ON "case_task"("assignee", "status");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_contract_contract_no_key" ON "sandbox_contract"("contract_no");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_disbursement_reference_key" ON "sandbox_disbursement"("reference");

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_case_no_fkey" FOREIGN KEY ("case_no") REFERENCES "loan_case"("case_no") ON DELETE RESTRICT ON UPDATE CASCADE;

