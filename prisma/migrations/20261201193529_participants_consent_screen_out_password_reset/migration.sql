-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "consentText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "screenOutCode" TEXT,
ADD COLUMN     "screenOutUrl" TEXT;

-- AlterTable
ALTER TABLE "StudyMember" ADD COLUMN     "consentedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a reset link expires after it was made; consent text stays within the form's bound.
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_expires_after_creation" CHECK ("expiresAt" > "createdAt");
ALTER TABLE "Study" ADD CONSTRAINT "Study_consentText_length" CHECK (char_length("consentText") <= 50000);

-- Hand-written: pairwise_next_lease returns the screen-out code and URL too. A function's result type
-- cannot be changed in place, so the old one is dropped here; its current definition is in
-- prisma/sql/next-lease.sql, installed right after the migrations (lib/migrations/repeatable.ts).
DROP FUNCTION IF EXISTS "pairwise_next_lease"(text, text, float8, int, int, int, text, boolean);
