-- DropIndex
DROP INDEX "Pair_studyId_voteCount_idx";

-- AlterTable
ALTER TABLE "Pair" ADD COLUMN     "shuffle" INTEGER NOT NULL DEFAULT (floor((random() * (2147483647)::double precision)))::integer;

-- Hand-written (Prisma's schema language has no partial indexes): the next-pair lease's queue. The
-- lease reads candidates in (voteCount, shuffle) order from a random point of the least-voted open
-- pairs (prisma/sql/next-lease.sql); excluded pairs never get votes, so they would otherwise sit at
-- the front of it forever.
CREATE INDEX "Pair_lease_queue_idx" ON "Pair" ("studyId", "voteCount", "shuffle") WHERE NOT "excluded";
-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "pairsFullUntil" TIMESTAMP(3);
