-- DropIndex
DROP INDEX "Assignment_studyId_raterId_idx";

-- CreateIndex
CREATE INDEX "Assignment_studyId_raterId_completedAt_idx" ON "Assignment"("studyId", "raterId", "completedAt");

-- CreateIndex
CREATE INDEX "Vote_studyId_raterId_idx" ON "Vote"("studyId", "raterId");
