-- AlterTable
ALTER TABLE "loan_case" ADD COLUMN     "paused_by" TEXT,
ADD COLUMN     "paused_reason" TEXT,
ADD COLUMN     "paused_since" TIMESTAMPTZ(3),
ADD COLUMN     "paused_working_days" INTEGER NOT NULL DEFAULT 0;
