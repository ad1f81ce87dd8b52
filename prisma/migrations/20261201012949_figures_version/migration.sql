-- Hand-written: stored figures are only a cache, so older ones are dropped rather than given a version.
DELETE FROM "ResultsSnapshot";

-- AlterTable
ALTER TABLE "ResultsSnapshot" ADD COLUMN     "version" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "figuresChangedAt" TIMESTAMP(3);
