-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "crowdEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "crowdIdParam" TEXT NOT NULL DEFAULT 'PROLIFIC_PID';

-- CreateTable
CREATE TABLE "JudgeRun" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JudgeRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JudgeLabel" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "winnerOutputId" TEXT,

    CONSTRAINT "JudgeLabel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "JudgeRun_studyId_sha256_key" ON "JudgeRun"("studyId", "sha256");

-- CreateIndex
CREATE INDEX "JudgeLabel_pairId_idx" ON "JudgeLabel"("pairId");

-- CreateIndex
CREATE UNIQUE INDEX "JudgeLabel_runId_pairId_key" ON "JudgeLabel"("runId", "pairId");

-- CreateIndex
CREATE INDEX "SignInAttempt_key_createdAt_idx" ON "SignInAttempt"("key", "createdAt");

-- AddForeignKey
ALTER TABLE "JudgeRun" ADD CONSTRAINT "JudgeRun_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgeLabel" ADD CONSTRAINT "JudgeLabel_runId_fkey" FOREIGN KEY ("runId") REFERENCES "JudgeRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgeLabel" ADD CONSTRAINT "JudgeLabel_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgeLabel" ADD CONSTRAINT "JudgeLabel_winnerOutputId_fkey" FOREIGN KEY ("winnerOutputId") REFERENCES "Output"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written invariants (ignored by Prisma's differ).
ALTER TABLE "Study" ADD CONSTRAINT "Study_crowdIdParam_check" CHECK ("crowdIdParam" ~ '^[A-Za-z0-9_]{1,64}$');
ALTER TABLE "JudgeRun" ADD CONSTRAINT "JudgeRun_name_check" CHECK (length(btrim("name")) > 0);
-- A model may answer nothing (published AlpacaEval outputs contain empty answers), and uploads decide whether to accept that.
ALTER TABLE "Output" DROP CONSTRAINT "Output_text_check";
