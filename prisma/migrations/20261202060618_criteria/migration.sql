-- AlterTable
ALTER TABLE "UndoneVote" ADD COLUMN     "criteria" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "StudyCriterion" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "question" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,

    CONSTRAINT "StudyCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteCriterion" (
    "voteId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "choice" "Choice" NOT NULL,
    "winnerOutputId" TEXT,

    CONSTRAINT "VoteCriterion_pkey" PRIMARY KEY ("voteId","criterionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "StudyCriterion_studyId_key_key" ON "StudyCriterion"("studyId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "StudyCriterion_id_studyId_key" ON "StudyCriterion"("id", "studyId");

-- CreateIndex
CREATE UNIQUE INDEX "StudyCriterion_studyId_position_key" ON "StudyCriterion"("studyId", "position");

-- CreateIndex
CREATE INDEX "VoteCriterion_studyId_criterionId_idx" ON "VoteCriterion"("studyId", "criterionId");

-- AddForeignKey
ALTER TABLE "StudyCriterion" ADD CONSTRAINT "StudyCriterion_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteCriterion" ADD CONSTRAINT "VoteCriterion_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteCriterion" ADD CONSTRAINT "VoteCriterion_criterionId_studyId_fkey" FOREIGN KEY ("criterionId", "studyId") REFERENCES "StudyCriterion"("id", "studyId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteCriterion" ADD CONSTRAINT "VoteCriterion_winnerOutputId_fkey" FOREIGN KEY ("winnerOutputId") REFERENCES "Output"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A criterion's key is what votes, exports and the API name it by; its label and question what raters read.
ALTER TABLE "StudyCriterion" ADD CONSTRAINT "StudyCriterion_key_check" CHECK ("key" ~ '^[a-z0-9-]{1,40}$');
ALTER TABLE "StudyCriterion" ADD CONSTRAINT "StudyCriterion_label_check" CHECK (length(btrim("label")) BETWEEN 1 AND 60);
ALTER TABLE "StudyCriterion" ADD CONSTRAINT "StudyCriterion_question_check" CHECK (length("question") <= 200);
ALTER TABLE "StudyCriterion" ADD CONSTRAINT "StudyCriterion_position_check" CHECK ("position" >= 0);
ALTER TABLE "VoteCriterion" ADD CONSTRAINT "VoteCriterion_winner_matches_choice_check" CHECK (("choice" IN ('LEFT', 'RIGHT')) = ("winnerOutputId" IS NOT NULL));
