-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "street" (
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "street_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "bank" (
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "bank_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "bank_branch" (
    "code" TEXT NOT NULL,
    "bank_code" TEXT NOT NULL,
    "street_code" TEXT,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "bank_branch_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "firm" (
    "id" UUID NOT NULL,
    "credit_code" CHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "street_code" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "firm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loan_case" (
    "case_no" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "firm_id" UUID NOT NULL,
    "street_code" TEXT NOT NULL,
    "bank_code" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "purpose" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "sla_state" TEXT NOT NULL,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "loan_case_pkey" PRIMARY KEY ("case_no")
);

-- CreateTable
CREATE TABLE "case_event" (
    "id" BIGSERIAL NOT NULL,
    "case_no" TEXT NOT NULL,
    "event_key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "case_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_year" (
    "year" INTEGER NOT NULL,
    "arrangement" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "loaded_by" TEXT NOT NULL,

    CONSTRAINT "calendar_year_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bank_branch_bank_code_idx" ON "bank_branch"("bank_code");

-- CreateIndex
CREATE UNIQUE INDEX "firm_credit_code_key" ON "firm"("credit_code");

-- CreateIndex
CREATE UNIQUE INDEX "loan_case_workflow_id_key" ON "loan_case"("workflow_id");

-- CreateIndex
CREATE INDEX "loan_case_street_code_accepted_at_idx" ON "loan_case"("street_code", "accepted_at");

-- CreateIndex
CREATE INDEX "loan_case_bank_code_accepted_at_idx" ON "loan_case"("bank_code", "accepted_at");

-- CreateIndex
CREATE INDEX "loan_case_stage_idx" ON "loan_case"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "case_event_case_no_event_key_key" ON "case_event"("case_no", "event_key");

-- CreateIndex
CREATE INDEX "audit_entry_subject_at_idx" ON "audit_entry"("subject", "at");

-- AddForeignKey
ALTER TABLE "bank_branch" ADD CONSTRAINT "bank_branch_bank_code_fkey" FOREIGN KEY ("bank_code") REFERENCES "bank"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_branch" ADD CONSTRAINT "bank_branch_street_code_fkey" FOREIGN KEY ("street_code") REFERENCES "street"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "firm" ADD CONSTRAINT "firm_street_code_fkey" FOREIGN KEY ("street_code") REFERENCES "street"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_case" ADD CONSTRAINT "loan_case_firm_id_fkey" FOREIGN KEY ("firm_id") REFERENCES "firm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_case" ADD CONSTRAINT "loan_case_street_code_fkey" FOREIGN KEY ("street_code") REFERENCES "street"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_case" ADD CONSTRAINT "loan_case_bank_code_fkey" FOREIGN KEY ("bank_code") REFERENCES "bank"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_no_fkey" FOREIGN KEY ("case_no") REFERENCES "loan_case"("case_no") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Case numbers (GL-<year>-<n>) are drawn before the workflow starts, so a
-- failed start leaves a gap rather than a reused number.
CREATE SEQUENCE "case_no_seq";
