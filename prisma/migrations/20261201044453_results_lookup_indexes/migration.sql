-- CreateIndex
CREATE INDEX "Pair_studyId_createdAt_id_idx" ON "Pair"("studyId", "createdAt", "id");

-- Hand-written (Prisma's schema language has no partial indexes; its differ leaves them alone): the
-- few rows the results look up in tables of a million, which they would otherwise scan.
CREATE INDEX "Assignment_flagged_idx" ON "Assignment" ("studyId") WHERE "flaggedAt" IS NOT NULL;
CREATE INDEX "Pair_gold_idx" ON "Pair" ("studyId") WHERE "goldOutputId" IS NOT NULL;
CREATE INDEX "Pair_excluded_idx" ON "Pair" ("studyId") WHERE "excluded";
