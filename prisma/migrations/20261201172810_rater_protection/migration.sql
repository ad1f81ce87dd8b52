-- Rater protection (issue 15): settle time and "seen both" before a vote counts, undo as a delete plus an
-- audit row (UndoneVote), a per-rater vote cap, and the real votes needed for a completion code.

-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "maxVotesPerRater" INTEGER,
ADD COLUMN     "minVotesForCompletion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "requireSeenBoth" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "undoSeconds" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "voteSettleMs" INTEGER NOT NULL DEFAULT 300;

-- AlterTable
ALTER TABLE "StudyMember" ADD COLUMN     "completionShownAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "seenBothMs" INTEGER;

-- CreateTable
CREATE TABLE "UndoneVote" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "voteId" TEXT NOT NULL,
    "choice" "Choice" NOT NULL,
    "winnerOutputId" TEXT,
    "msTaken" INTEGER NOT NULL,
    "votedAt" TIMESTAMP(3) NOT NULL,
    "undoneAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UndoneVote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UndoneVote_assignmentId_key" ON "UndoneVote"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "UndoneVote_voteId_key" ON "UndoneVote"("voteId");

-- CreateIndex
CREATE INDEX "UndoneVote_studyId_raterId_idx" ON "UndoneVote"("studyId", "raterId");

-- AddForeignKey
ALTER TABLE "UndoneVote" ADD CONSTRAINT "UndoneVote_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UndoneVote" ADD CONSTRAINT "UndoneVote_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Settings within what the rating page can honour.
ALTER TABLE "Study" ADD CONSTRAINT "Study_voteSettleMs_range" CHECK ("voteSettleMs" BETWEEN 0 AND 10000);
ALTER TABLE "Study" ADD CONSTRAINT "Study_undoSeconds_range" CHECK ("undoSeconds" BETWEEN 0 AND 300);
ALTER TABLE "Study" ADD CONSTRAINT "Study_maxVotesPerRater_positive" CHECK ("maxVotesPerRater" IS NULL OR "maxVotesPerRater" >= 1);
ALTER TABLE "Study" ADD CONSTRAINT "Study_minVotesForCompletion_range" CHECK ("minVotesForCompletion" >= 0);
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_seenBothMs_nonnegative" CHECK ("seenBothMs" IS NULL OR "seenBothMs" >= 0);
