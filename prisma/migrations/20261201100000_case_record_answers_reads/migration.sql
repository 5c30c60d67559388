-- The record keeps what a case view showed only from the workflow, so the record can answer reads.
ALTER TABLE "loan_case" ADD COLUMN     "due_explanation" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "due_provisional" BOOLEAN;

ALTER TABLE "case_task" ADD COLUMN     "at_risk_at" TIMESTAMPTZ(3);
