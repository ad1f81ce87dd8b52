-- CreateTable
CREATE TABLE "PanelRun" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "unmatched" JSONB NOT NULL DEFAULT '{}',
    "repeated" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelVote" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "judge" TEXT NOT NULL,
    "winnerOutputId" TEXT,
    "bothBad" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PanelVote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PanelRun_studyId_sha256_key" ON "PanelRun"("studyId", "sha256");

-- CreateIndex
CREATE INDEX "PanelVote_pairId_idx" ON "PanelVote"("pairId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelVote_runId_pairId_judge_key" ON "PanelVote"("runId", "pairId", "judge");

-- AddForeignKey
ALTER TABLE "PanelRun" ADD CONSTRAINT "PanelRun_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelVote" ADD CONSTRAINT "PanelVote_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PanelRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelVote" ADD CONSTRAINT "PanelVote_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelVote" ADD CONSTRAINT "PanelVote_winnerOutputId_fkey" FOREIGN KEY ("winnerOutputId") REFERENCES "Output"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below (Prisma's schema language has no CHECKs).
-- "Both bad" is a kind of tie: it names no winner.
ALTER TABLE "PanelVote" ADD CONSTRAINT "PanelVote_bothBad_no_winner" CHECK (NOT "bothBad" OR "winnerOutputId" IS NULL);
ALTER TABLE "PanelRun" ADD CONSTRAINT "PanelRun_counts_check" CHECK ("rowCount" >= 0 AND "repeated" >= 0);
