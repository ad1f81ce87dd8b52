-- CreateEnum
CREATE TYPE "StopReason" AS ENUM ('DECIDED', 'BUDGET');

-- AlterTable
ALTER TABLE "Pair" ADD COLUMN     "decided" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "adaptiveVotes" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stopCheckedAt" TIMESTAMP(3),
ADD COLUMN     "stopLevel" DOUBLE PRECISION,
ADD COLUMN     "stopReason" "StopReason",
ADD COLUMN     "stoppedAt" TIMESTAMP(3),
ADD COLUMN     "voteBudget" INTEGER;

-- Hand-written below.
ALTER TABLE "Study" ADD CONSTRAINT "Study_stopLevel_check" CHECK ("stopLevel" IS NULL OR ("stopLevel" > 0 AND "stopLevel" < 0.5));
ALTER TABLE "Study" ADD CONSTRAINT "Study_voteBudget_check" CHECK ("voteBudget" IS NULL OR "voteBudget" >= 1);
-- A stop has its reason, and a reason its time.
ALTER TABLE "Study" ADD CONSTRAINT "Study_stop_check" CHECK (("stoppedAt" IS NULL) = ("stopReason" IS NULL));
