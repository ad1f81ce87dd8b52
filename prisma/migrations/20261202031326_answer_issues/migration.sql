-- AlterTable
ALTER TABLE "UndoneVote" ADD COLUMN     "issues" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "StudyIssue" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "StudyIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteIssue" (
    "voteId" TEXT NOT NULL,
    "outputId" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,

    CONSTRAINT "VoteIssue_pkey" PRIMARY KEY ("voteId","outputId","issueId")
);

-- CreateIndex
CREATE UNIQUE INDEX "StudyIssue_studyId_key_key" ON "StudyIssue"("studyId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "StudyIssue_id_studyId_key" ON "StudyIssue"("id", "studyId");

-- CreateIndex
CREATE UNIQUE INDEX "StudyIssue_studyId_position_key" ON "StudyIssue"("studyId", "position");

-- CreateIndex
CREATE INDEX "VoteIssue_studyId_outputId_idx" ON "VoteIssue"("studyId", "outputId");

-- AddForeignKey
ALTER TABLE "StudyIssue" ADD CONSTRAINT "StudyIssue_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteIssue" ADD CONSTRAINT "VoteIssue_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteIssue" ADD CONSTRAINT "VoteIssue_outputId_fkey" FOREIGN KEY ("outputId") REFERENCES "Output"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteIssue" ADD CONSTRAINT "VoteIssue_issueId_studyId_fkey" FOREIGN KEY ("issueId", "studyId") REFERENCES "StudyIssue"("id", "studyId") ON DELETE CASCADE ON UPDATE CASCADE;

-- An issue's key is what votes, exports and the API name it by; its label what raters read.
ALTER TABLE "StudyIssue" ADD CONSTRAINT "StudyIssue_key_check" CHECK ("key" ~ '^[a-z0-9-]{1,40}$');
ALTER TABLE "StudyIssue" ADD CONSTRAINT "StudyIssue_label_check" CHECK (length(btrim("label")) BETWEEN 1 AND 80);
