-- CreateTable
CREATE TABLE "lead" (
    "lead_id" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "source_kind" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "firm_name" TEXT NOT NULL,
    "credit_code" CHAR(18) NOT NULL,
    "street_code" TEXT NOT NULL,
    "community_code" TEXT,
    "team_code" TEXT,
    "need" JSONB NOT NULL,
    "owner" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "sla_state" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "contacted_at" TIMESTAMPTZ(3),
    "converted_to" TEXT,
    "linked_case_no" TEXT,
    "linked_consultation_id" TEXT,
    "close_reason" TEXT,
    "created_by" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lead_pkey" PRIMARY KEY ("lead_id")
);

-- CreateTable
CREATE TABLE "lead_event" (
    "id" BIGSERIAL NOT NULL,
    "lead_id" TEXT NOT NULL,
    "event_key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "lead_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lead_workflow_id_key" ON "lead"("workflow_id");

-- CreateIndex
CREATE INDEX "lead_street_code_opened_at_idx" ON "lead"("street_code", "opened_at");

-- CreateIndex
CREATE INDEX "lead_community_code_opened_at_idx" ON "lead"("community_code", "opened_at");

-- CreateIndex
CREATE INDEX "lead_team_code_opened_at_idx" ON "lead"("team_code", "opened_at");

-- CreateIndex
CREATE INDEX "lead_source_kind_source_id_idx" ON "lead"("source_kind", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "lead_event_lead_id_event_key_key" ON "lead_event"("lead_id", "event_key");

-- AddForeignKey
ALTER TABLE "lead_event" ADD CONSTRAINT "lead_event_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "lead"("lead_id") ON DELETE RESTRICT ON UPDATE CASCADE;
