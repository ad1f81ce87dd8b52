-- DropIndex
DROP INDEX "Vote_studyId_raterId_idx";

-- CreateIndex
CREATE INDEX "Vote_studyId_raterId_msTaken_idx" ON "Vote"("studyId", "raterId", "msTaken");
