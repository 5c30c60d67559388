-- AlterTable
ALTER TABLE "loan_case" ADD COLUMN     "lead_id" TEXT;

-- AlterTable
ALTER TABLE "consultation" ADD COLUMN     "from_lead_id" TEXT;
