-- AlterTable
ALTER TABLE "Pair" ADD COLUMN     "held" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "inclusion" DOUBLE PRECISION,
ADD COLUMN     "sampleRank" INTEGER;

-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "openedPrompts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pairsPerPrompt" DOUBLE PRECISION,
ADD COLUMN     "samplingPrompts" INTEGER NOT NULL DEFAULT 0;

-- Hand-written below.
ALTER TABLE "Study" ADD CONSTRAINT "Study_pairsPerPrompt_check" CHECK ("pairsPerPrompt" IS NULL OR "pairsPerPrompt" > 0);
ALTER TABLE "Study" ADD CONSTRAINT "Study_openedPrompts_check" CHECK ("openedPrompts" >= 0 AND "openedPrompts" <= "samplingPrompts");
-- Without sampling: no rank, no probability, never held. With it, before the prompt opens: a rank, held,
-- no probability; once open: a probability in (0, 1], held exactly when the draw left the pair out.
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_sampling_check" CHECK (
  ("sampleRank" IS NULL AND "inclusion" IS NULL AND NOT "held")
  OR ("sampleRank" >= 0 AND "inclusion" IS NULL AND "held")
  OR ("sampleRank" >= 0 AND "inclusion" IS NOT NULL AND "inclusion" > 0 AND "inclusion" <= 1));
-- The lease's queue holds only pairs that can be put to raters (prisma/sql/next-lease.sql).
DROP INDEX "Pair_lease_queue_idx";
CREATE INDEX "Pair_lease_queue_idx" ON "Pair" ("studyId", "voteCount", "shuffle") WHERE NOT "excluded" AND NOT "decided" AND NOT "held";
-- The opening reads a block of prompts by rank.
CREATE INDEX "Pair_sample_rank_idx" ON "Pair" ("studyId", "sampleRank") WHERE "sampleRank" IS NOT NULL;
