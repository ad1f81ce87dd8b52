-- CreateTable
CREATE TABLE "ResultsSnapshot" (
    "studyId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "computeMs" INTEGER NOT NULL,

    CONSTRAINT "ResultsSnapshot_pkey" PRIMARY KEY ("studyId","scope")
);

-- AddForeignKey
ALTER TABLE "ResultsSnapshot" ADD CONSTRAINT "ResultsSnapshot_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written.
ALTER TABLE "ResultsSnapshot" ADD CONSTRAINT "ResultsSnapshot_computeMs_check" CHECK ("computeMs" >= 0);
