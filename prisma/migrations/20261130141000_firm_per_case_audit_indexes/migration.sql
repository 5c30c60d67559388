-- Firm data is kept per case (issue #15): the shared "firm" row was first-writer-wins across
-- streets, so a second street's case showed the first street's name for the firm and its home
-- street. Each case now holds the name and code its own street office entered.

ALTER TABLE "loan_case" ADD COLUMN "firm_name" TEXT, ADD COLUMN "credit_code" CHAR(18);

-- The code is the firm's identity, the same on every case of it. The shared name was entered by
-- the row's street: it stays on that street's cases, which could see it already. A case of
-- another street never showed its own name (the leak), so it gets a marker instead of another
-- street's; `npm run rebuild:projection` writes each case's own name back from its workflow's
-- history (recordCaseAccepted sets the name its input carries).
UPDATE "loan_case" c
SET "credit_code" = f."credit_code",
    "firm_name" = CASE WHEN f."street_code" = c."street_code" THEN f."name" ELSE '（名称待从工作流恢复 name to be restored from the workflow）' END
FROM "firm" f
WHERE f."id" = c."firm_id";

ALTER TABLE "loan_case" ALTER COLUMN "firm_name" SET NOT NULL, ALTER COLUMN "credit_code" SET NOT NULL;
ALTER TABLE "loan_case" DROP CONSTRAINT "loan_case_firm_id_fkey";
ALTER TABLE "loan_case" DROP COLUMN "firm_id";
DROP TABLE "firm";

-- CreateIndex
CREATE INDEX "loan_case_credit_code_idx" ON "loan_case"("credit_code");

-- A projection may run again (a retry, a rebuild): its rows carry a key, written once.
ALTER TABLE "audit_entry" ADD COLUMN "key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_key_key" ON "audit_entry"("key");

-- The audit trail is read by actor or by time (GET /api/v1/audit), as well as by subject.
-- CreateIndex
CREATE INDEX "audit_entry_actor_at_idx" ON "audit_entry"("actor", "at");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");
