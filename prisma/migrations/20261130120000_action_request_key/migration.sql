-- CreateTable
CREATE TABLE "action_request_key" (
    "scope" TEXT NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_request_key_pkey" PRIMARY KEY ("scope")
);
