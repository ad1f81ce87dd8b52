-- DropIndex
DROP INDEX "Pair_studyId_outputAId_outputBId_key";

-- AlterTable
ALTER TABLE "Output" ADD COLUMN     "turns" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Pair" ADD COLUMN     "turn" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Prompt" ADD COLUMN     "system" TEXT,
ADD COLUMN     "userTurns" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "judgedTurns" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "showSystemPrompt" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Pair_studyId_outputAId_outputBId_turn_key" ON "Pair"("studyId", "outputAId", "outputBId", "turn");

-- Hand-written below (Prisma's schema language has no CHECKs or expression indexes).
-- Lists are never null, so "no turns" has one spelling: the empty array.
ALTER TABLE "Output" ALTER COLUMN "turns" SET NOT NULL;
ALTER TABLE "Prompt" ALTER COLUMN "userTurns" SET NOT NULL;
ALTER TABLE "Study" ALTER COLUMN "judgedTurns" SET NOT NULL;

-- A conversation's output text is its last assistant turn (what single-answer code reads and compares).
ALTER TABLE "Output" ADD CONSTRAINT "Output_text_is_last_turn"
  CHECK (cardinality("turns") = 0 OR "text" = "turns"[cardinality("turns")]);
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_turn_check" CHECK ("turn" >= 0);
ALTER TABLE "Study" ADD CONSTRAINT "Study_judgedTurns_check" CHECK (1 <= ALL ("judgedTurns") AND array_position("judgedTurns", NULL) IS NULL);

-- A study judges each prompt at most once per model pair and turn, in one A/B order.
DROP INDEX "Pair_study_prompt_model_pair_key";
CREATE UNIQUE INDEX "Pair_study_prompt_model_pair_key" ON "Pair" ("studyId", LEAST("outputAId", "outputBId"), GREATEST("outputAId", "outputBId"), "turn");
