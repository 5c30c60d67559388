-- A consultation's record answers its reads (GET /consultations/{id}): it keeps what only the
-- workflow's live state held. NULL materials: last written before the record kept them.
ALTER TABLE "consultation"
  ADD COLUMN "materials" JSONB,
  ADD COLUMN "re_review" JSONB,
  ADD COLUMN "breaches" JSONB,
  ADD COLUMN "withdrawal" JSONB;
