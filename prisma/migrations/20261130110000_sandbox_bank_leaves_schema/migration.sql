-- The sandbox bank's books leave Greenlane's schema: the sandbox keeps them in a schema of its own,
-- `sandbox_bank`, which it creates on first use (activities/adapters/sandboxBank.ts). A database
-- that holds sandbox payments (development, demos) keeps them there; an empty one just drops them.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "sandbox_contract") OR EXISTS (SELECT 1 FROM "sandbox_disbursement") THEN
    CREATE SCHEMA IF NOT EXISTS sandbox_bank;
    ALTER TABLE "sandbox_contract" SET SCHEMA sandbox_bank;
    ALTER TABLE sandbox_bank."sandbox_contract" RENAME TO contract;
    ALTER TABLE "sandbox_disbursement" SET SCHEMA sandbox_bank;
    ALTER TABLE sandbox_bank."sandbox_disbursement" RENAME TO disbursement;
  ELSE
    DROP TABLE "sandbox_contract";
    DROP TABLE "sandbox_disbursement";
  END IF;
END $$;
