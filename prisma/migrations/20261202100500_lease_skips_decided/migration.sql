-- Hand-written (Prisma's schema language has no partial indexes): the next-pair lease's queue holds
-- only pairs that can still get votes. A decided pair (adaptive votes, issue 22) never gets another,
-- so, like an excluded one, it would otherwise sit in the queue's least-voted run for good.
DROP INDEX "Pair_lease_queue_idx";
CREATE INDEX "Pair_lease_queue_idx" ON "Pair" ("studyId", "voteCount", "shuffle") WHERE NOT "excluded" AND NOT "decided";
