-- What lets a case's record answer a read without asking Temporal (api/services/caseFreshness.ts):
-- the workflow's next timer when it wrote, and the API's updates to the case not yet answered.
ALTER TABLE "loan_case" ADD COLUMN "quiet_until" TIMESTAMPTZ(3);
ALTER TABLE "loan_case" ADD COLUMN "updates_in_flight" INTEGER NOT NULL DEFAULT 0;
