-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "excludedDegeneratePairs" INTEGER,
ADD COLUMN     "excludedLeakPairs" INTEGER;

ALTER TABLE "Study" ADD CONSTRAINT "Study_excludedLeakPairs_nonnegative" CHECK ("excludedLeakPairs" IS NULL OR "excludedLeakPairs" >= 0),
  ADD CONSTRAINT "Study_excludedDegeneratePairs_nonnegative" CHECK ("excludedDegeneratePairs" IS NULL OR "excludedDegeneratePairs" >= 0);
