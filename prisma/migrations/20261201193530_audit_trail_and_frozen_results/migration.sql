-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('STUDY_OPENED', 'STUDY_CLOSED', 'GOLD_SET', 'GOLD_CLEARED', 'PROMPT_EXCLUDED', 'PROMPT_INCLUDED', 'OUTPUTS_REPLACED', 'VOTE_UNDONE', 'RATER_WITHDREW', 'RATER_REMOVED', 'RESULTS_FROZEN');

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "studyId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" "AuditAction" NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrozenResult" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "label" TEXT,
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "excludedRaters" TEXT[],
    "figures" JSONB NOT NULL,
    "settings" JSONB NOT NULL,
    "appVersion" TEXT NOT NULL,
    "voteCount" INTEGER NOT NULL,
    "votesSha256" TEXT NOT NULL,
    "votes" BYTEA NOT NULL,

    CONSTRAINT "FrozenResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEvent_studyId_at_idx" ON "AuditEvent"("studyId", "at");

-- CreateIndex
CREATE INDEX "FrozenResult_studyId_createdAt_idx" ON "FrozenResult"("studyId", "createdAt");

-- AddForeignKey
ALTER TABLE "FrozenResult" ADD CONSTRAINT "FrozenResult_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_details_object" CHECK (jsonb_typeof("details") = 'object'),
  ADD CONSTRAINT "AuditEvent_actorLabel_nonempty" CHECK (length("actorLabel") > 0);

ALTER TABLE "FrozenResult" ADD CONSTRAINT "FrozenResult_voteCount_nonnegative" CHECK ("voteCount" >= 0),
  ADD CONSTRAINT "FrozenResult_votesSha256_hex" CHECK ("votesSha256" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "FrozenResult_label_length" CHECK ("label" IS NULL OR length("label") BETWEEN 1 AND 200);
