-- Projection writes ordered by (workflow time of the write, revision): a workflow task attempt
-- that is lost after writing is outranked by the retried attempt's writes (docs/architecture.md).
ALTER TABLE "loan_case" ADD COLUMN "revised_at" TIMESTAMPTZ(3);
ALTER TABLE "case_task" ADD COLUMN "revised_at" TIMESTAMPTZ(3);
ALTER TABLE "case_event" ADD COLUMN "revision" INTEGER;
