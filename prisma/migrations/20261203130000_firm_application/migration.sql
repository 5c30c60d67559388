-- 善科贷 applications a customer manager prepares for a firm to review and submit (docs/firm.md).
CREATE TABLE "firm_application" (
    "id" TEXT NOT NULL,
    "credit_code" CHAR(18) NOT NULL,
    "firm_name" TEXT NOT NULL,
    "street_code" TEXT NOT NULL,
    "bank_code" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "prepared_by" TEXT NOT NULL,
    "prepared_by_name" TEXT NOT NULL,
    "prepared_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "case_no" TEXT,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "firm_application_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "firm_application_credit_code_prepared_at_idx" ON "firm_application"("credit_code", "prepared_at");
CREATE INDEX "firm_application_bank_code_prepared_at_idx" ON "firm_application"("bank_code", "prepared_at");
