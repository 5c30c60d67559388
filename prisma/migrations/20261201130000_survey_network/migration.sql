-- AlterTable
ALTER TABLE "bank" ADD COLUMN     "retired_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "bank_branch" ADD COLUMN     "retired_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "branch_station" (
    "branch_code" TEXT NOT NULL,
    "street_code" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "branch_station_pkey" PRIMARY KEY ("branch_code","street_code")
);

-- CreateTable
CREATE TABLE "community" (
    "code" TEXT NOT NULL,
    "street_code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "community_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "building" (
    "code" TEXT NOT NULL,
    "community_code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "team_code" TEXT,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "building_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "visit_team" (
    "code" TEXT NOT NULL,
    "community_code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "visit_team_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "visit_team_member" (
    "team_code" TEXT NOT NULL,
    "seat" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "staff_id" TEXT,
    "bank_code" TEXT,
    "organisation" TEXT,

    CONSTRAINT "visit_team_member_pkey" PRIMARY KEY ("team_code","seat")
);

-- CreateTable
CREATE TABLE "survey_firm" (
    "id" UUID NOT NULL,
    "building_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "credit_code" CHAR(18) NOT NULL,
    "unit" TEXT,
    "added_by" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "survey_firm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit" (
    "visit_id" TEXT NOT NULL,
    "firm_id" UUID NOT NULL,
    "team_code" TEXT NOT NULL,
    "building_code" TEXT NOT NULL,
    "community_code" TEXT NOT NULL,
    "street_code" TEXT NOT NULL,
    "visited_at" TIMESTAMPTZ(3) NOT NULL,
    "visited_by" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "need" JSONB,
    "note" TEXT,
    "lead_id" TEXT,

    CONSTRAINT "visit_pkey" PRIMARY KEY ("visit_id")
);

-- CreateIndex
CREATE INDEX "branch_station_street_code_idx" ON "branch_station"("street_code");

-- CreateIndex
CREATE INDEX "community_street_code_idx" ON "community"("street_code");

-- CreateIndex
CREATE INDEX "building_community_code_idx" ON "building"("community_code");

-- CreateIndex
CREATE INDEX "building_team_code_idx" ON "building"("team_code");

-- CreateIndex
CREATE INDEX "visit_team_community_code_idx" ON "visit_team"("community_code");

-- CreateIndex
CREATE UNIQUE INDEX "survey_firm_building_code_credit_code_key" ON "survey_firm"("building_code", "credit_code");

-- CreateIndex
CREATE INDEX "visit_street_code_visited_at_idx" ON "visit"("street_code", "visited_at");

-- CreateIndex
CREATE INDEX "visit_team_code_visited_at_idx" ON "visit"("team_code", "visited_at");

-- CreateIndex
CREATE INDEX "visit_community_code_visited_at_idx" ON "visit"("community_code", "visited_at");

-- AddForeignKey
ALTER TABLE "branch_station" ADD CONSTRAINT "branch_station_branch_code_fkey" FOREIGN KEY ("branch_code") REFERENCES "bank_branch"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "branch_station" ADD CONSTRAINT "branch_station_street_code_fkey" FOREIGN KEY ("street_code") REFERENCES "street"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community" ADD CONSTRAINT "community_street_code_fkey" FOREIGN KEY ("street_code") REFERENCES "street"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "building" ADD CONSTRAINT "building_community_code_fkey" FOREIGN KEY ("community_code") REFERENCES "community"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "building" ADD CONSTRAINT "building_team_code_fkey" FOREIGN KEY ("team_code") REFERENCES "visit_team"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_team" ADD CONSTRAINT "visit_team_community_code_fkey" FOREIGN KEY ("community_code") REFERENCES "community"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_team_member" ADD CONSTRAINT "visit_team_member_team_code_fkey" FOREIGN KEY ("team_code") REFERENCES "visit_team"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_firm" ADD CONSTRAINT "survey_firm_building_code_fkey" FOREIGN KEY ("building_code") REFERENCES "building"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_firm_id_fkey" FOREIGN KEY ("firm_id") REFERENCES "survey_firm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

