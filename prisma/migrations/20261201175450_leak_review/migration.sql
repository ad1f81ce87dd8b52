-- CreateEnum
CREATE TYPE "LeakReview" AS ENUM ('CLEARED', 'CONFIRMED');

-- AlterTable
ALTER TABLE "Output" ADD COLUMN     "leakReview" "LeakReview",
ADD COLUMN     "leakReviewedAt" TIMESTAMP(3);

-- A verdict needs a flag to judge, and carries its time.
ALTER TABLE "Output" ADD CONSTRAINT "Output_leakReview_check"
  CHECK ("leakReview" IS NULL OR "leakPhrase" IS NOT NULL),
  ADD CONSTRAINT "Output_leakReviewedAt_check"
  CHECK (("leakReview" IS NULL) = ("leakReviewedAt" IS NULL));
