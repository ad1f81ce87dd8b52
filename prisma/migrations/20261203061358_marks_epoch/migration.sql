-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "marksEpoch" INTEGER NOT NULL DEFAULT 0;
