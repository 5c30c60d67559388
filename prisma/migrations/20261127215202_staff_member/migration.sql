-- CreateTable
CREATE TABLE "staff_member" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "street_code" TEXT,
    "bank_code" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "staff_member_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "staff_member_role_street_code_idx" ON "staff_member"("role", "street_code");

-- CreateIndex
CREATE INDEX "staff_member_role_bank_code_idx" ON "staff_member"("role", "bank_code");

