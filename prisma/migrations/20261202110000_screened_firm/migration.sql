-- CreateTable
CREATE TABLE "screened_firm" (
    "id" UUID NOT NULL,
    "street_code" TEXT NOT NULL,
    "credit_code" CHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "building_code" TEXT,
    "indicators" JSONB NOT NULL,
    "flagged" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "policy_version" TEXT NOT NULL,
    "source" TEXT,
    "imported_by" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "screened_firm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "screened_firm_street_code_credit_code_key" ON "screened_firm"("street_code", "credit_code");

-- CreateIndex
CREATE INDEX "screened_firm_street_code_flagged_idx" ON "screened_firm"("street_code", "flagged");

-- CreateIndex
CREATE INDEX "screened_firm_building_code_idx" ON "screened_firm"("building_code");

-- AddForeignKey
ALTER TABLE "screened_firm" ADD CONSTRAINT "screened_firm_street_code_fkey" FOREIGN KEY ("street_code") REFERENCES "street"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screened_firm" ADD CONSTRAINT "screened_firm_building_code_fkey" FOREIGN KEY ("building_code") REFERENCES "building"("code") ON DELETE SET NULL ON UPDATE CASCADE;
