-- A vote's agreement with the others on its pair is computed when the results are (from the pair
-- tallies, lib/data/results/rater-stats.ts), no longer kept per vote: the flags cost every vote a
-- rewrite of its pair's other votes (docs/benchmarks.md, machinery).
-- AlterTable
ALTER TABLE "Vote" DROP COLUMN "agrees";
