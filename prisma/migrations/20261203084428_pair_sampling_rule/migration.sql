-- CreateEnum
CREATE TYPE "PairSamplingRule" AS ENUM ('ARENA', 'VARIANCE');

-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "pairSamplingRule" "PairSamplingRule" NOT NULL DEFAULT 'ARENA';
