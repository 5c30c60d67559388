-- CreateIndex
CREATE INDEX "loan_case_stage_accepted_at_case_no_idx" ON "loan_case"("stage", "accepted_at", "case_no");
