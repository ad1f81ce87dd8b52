-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'RESEARCHER', 'RATER');

-- CreateEnum
CREATE TYPE "StudyStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "RationaleMode" AS ENUM ('OFF', 'OPTIONAL', 'REQUIRED');

-- CreateEnum
CREATE TYPE "Choice" AS ENUM ('LEFT', 'RIGHT', 'TIE', 'BOTH_BAD');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL DEFAULT 'RATER',
    "pseudonym" TEXT NOT NULL,
    "externalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LanguageModel" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LanguageModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prompt" (
    "id" TEXT NOT NULL,
    "instruction" TEXT NOT NULL,
    "input" TEXT NOT NULL DEFAULT '',
    "category" TEXT,
    "dataset" TEXT,
    "externalId" TEXT,
    "textHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Prompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Output" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "uploadId" TEXT,
    "leakPhrase" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Output_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UploadBatch" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "promptsNew" INTEGER NOT NULL,
    "promptsMatched" INTEGER NOT NULL,
    "outputsAdded" INTEGER NOT NULL,
    "outputsReplaced" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UploadBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Study" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "guidelines" TEXT NOT NULL DEFAULT '',
    "status" "StudyStatus" NOT NULL DEFAULT 'DRAFT',
    "votesPerPair" INTEGER NOT NULL DEFAULT 3,
    "allowTie" BOOLEAN NOT NULL DEFAULT true,
    "allowBothBad" BOOLEAN NOT NULL DEFAULT true,
    "rationale" "RationaleMode" NOT NULL DEFAULT 'OFF',
    "sampleSize" INTEGER,
    "seed" INTEGER NOT NULL DEFAULT 1,
    "allModelPairs" BOOLEAN NOT NULL DEFAULT true,
    "minSecondsPerPair" INTEGER NOT NULL DEFAULT 0,
    "revealAfterVote" BOOLEAN NOT NULL DEFAULT false,
    "goldRate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "leaseSeconds" INTEGER NOT NULL DEFAULT 900,
    "completionCode" TEXT,
    "completionUrl" TEXT,
    "inviteToken" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Study_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyModel" (
    "studyId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,

    CONSTRAINT "StudyModel_pkey" PRIMARY KEY ("studyId","modelId")
);

-- CreateTable
CREATE TABLE "StudyMember" (
    "studyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyMember_pkey" PRIMARY KEY ("studyId","userId")
);

-- CreateTable
CREATE TABLE "StudyInvite" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMP(3),

    CONSTRAINT "StudyInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pair" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "outputAId" TEXT NOT NULL,
    "outputBId" TEXT NOT NULL,
    "goldOutputId" TEXT,
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "leftIsA" BOOLEAN NOT NULL,
    "servedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "flaggedAt" TIMESTAMP(3),
    "flagReason" TEXT,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "pairId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "choice" "Choice" NOT NULL,
    "winnerOutputId" TEXT,
    "rationale" TEXT,
    "msTaken" INTEGER NOT NULL,
    "tooFast" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_pseudonym_key" ON "User"("pseudonym");

-- CreateIndex
CREATE UNIQUE INDEX "User_externalId_key" ON "User"("externalId");

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "LanguageModel_name_key" ON "LanguageModel"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Prompt_externalId_key" ON "Prompt"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Prompt_textHash_key" ON "Prompt"("textHash");

-- CreateIndex
CREATE INDEX "Output_promptId_idx" ON "Output"("promptId");

-- CreateIndex
CREATE UNIQUE INDEX "Output_modelId_promptId_key" ON "Output"("modelId", "promptId");

-- CreateIndex
CREATE UNIQUE INDEX "Output_id_promptId_key" ON "Output"("id", "promptId");

-- CreateIndex
CREATE UNIQUE INDEX "UploadBatch_sha256_key" ON "UploadBatch"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "Study_inviteToken_key" ON "Study"("inviteToken");

-- CreateIndex
CREATE INDEX "StudyMember_userId_idx" ON "StudyMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StudyInvite_studyId_email_key" ON "StudyInvite"("studyId", "email");

-- CreateIndex
CREATE INDEX "Pair_studyId_voteCount_idx" ON "Pair"("studyId", "voteCount");

-- CreateIndex
CREATE INDEX "Pair_promptId_idx" ON "Pair"("promptId");

-- CreateIndex
CREATE UNIQUE INDEX "Pair_studyId_outputAId_outputBId_key" ON "Pair"("studyId", "outputAId", "outputBId");

-- CreateIndex
CREATE INDEX "Assignment_studyId_raterId_idx" ON "Assignment"("studyId", "raterId");

-- CreateIndex
CREATE INDEX "Assignment_pairId_expiresAt_idx" ON "Assignment"("pairId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_pairId_raterId_key" ON "Assignment"("pairId", "raterId");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_assignmentId_key" ON "Vote"("assignmentId");

-- CreateIndex
CREATE INDEX "Vote_studyId_createdAt_idx" ON "Vote"("studyId", "createdAt");

-- CreateIndex
CREATE INDEX "Vote_raterId_idx" ON "Vote"("raterId");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_pairId_raterId_key" ON "Vote"("pairId", "raterId");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Output" ADD CONSTRAINT "Output_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Output" ADD CONSTRAINT "Output_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "LanguageModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Output" ADD CONSTRAINT "Output_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "UploadBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UploadBatch" ADD CONSTRAINT "UploadBatch_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Study" ADD CONSTRAINT "Study_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyModel" ADD CONSTRAINT "StudyModel_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyModel" ADD CONSTRAINT "StudyModel_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "LanguageModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyMember" ADD CONSTRAINT "StudyMember_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyMember" ADD CONSTRAINT "StudyMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyInvite" ADD CONSTRAINT "StudyInvite_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_outputAId_promptId_fkey" FOREIGN KEY ("outputAId", "promptId") REFERENCES "Output"("id", "promptId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_outputBId_promptId_fkey" FOREIGN KEY ("outputBId", "promptId") REFERENCES "Output"("id", "promptId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_goldOutputId_fkey" FOREIGN KEY ("goldOutputId") REFERENCES "Output"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "Pair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_winnerOutputId_fkey" FOREIGN KEY ("winnerOutputId") REFERENCES "Output"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Invariants Prisma's schema language cannot state (hand-written, and ignored by Prisma's differ).
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower("email"));
ALTER TABLE "User" ADD CONSTRAINT "User_pseudonym_check" CHECK (length("pseudonym") > 0);
ALTER TABLE "LanguageModel" ADD CONSTRAINT "LanguageModel_name_check" CHECK (length(btrim("name")) > 0);
ALTER TABLE "Prompt" ADD CONSTRAINT "Prompt_instruction_check" CHECK (length(btrim("instruction")) > 0);
ALTER TABLE "Output" ADD CONSTRAINT "Output_text_check" CHECK (length(btrim("text")) > 0);
ALTER TABLE "UploadBatch" ADD CONSTRAINT "UploadBatch_counts_check" CHECK ("rowCount" >= 0 AND "promptsNew" >= 0 AND "promptsMatched" >= 0 AND "outputsAdded" >= 0 AND "outputsReplaced" >= 0);
ALTER TABLE "Study" ADD CONSTRAINT "Study_name_check" CHECK (length(btrim("name")) > 0);
ALTER TABLE "Study" ADD CONSTRAINT "Study_votesPerPair_check" CHECK ("votesPerPair" BETWEEN 1 AND 100);
ALTER TABLE "Study" ADD CONSTRAINT "Study_sampleSize_check" CHECK ("sampleSize" IS NULL OR "sampleSize" > 0);
ALTER TABLE "Study" ADD CONSTRAINT "Study_goldRate_check" CHECK ("goldRate" >= 0 AND "goldRate" <= 1);
ALTER TABLE "Study" ADD CONSTRAINT "Study_leaseSeconds_check" CHECK ("leaseSeconds" BETWEEN 30 AND 86400);
ALTER TABLE "Study" ADD CONSTRAINT "Study_minSecondsPerPair_check" CHECK ("minSecondsPerPair" >= 0);
ALTER TABLE "Study" ADD CONSTRAINT "Study_opened_check" CHECK ("status" = 'DRAFT' OR "openedAt" IS NOT NULL);
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_distinct_outputs_check" CHECK ("outputAId" <> "outputBId");
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_voteCount_check" CHECK ("voteCount" >= 0);
ALTER TABLE "Pair" ADD CONSTRAINT "Pair_gold_output_check" CHECK ("goldOutputId" IS NULL OR "goldOutputId" IN ("outputAId", "outputBId"));
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_lease_check" CHECK ("expiresAt" > "servedAt");
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_winner_matches_choice_check" CHECK (("choice" IN ('LEFT', 'RIGHT')) = ("winnerOutputId" IS NOT NULL));
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_msTaken_check" CHECK ("msTaken" >= 0);
