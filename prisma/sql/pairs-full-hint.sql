-- pairwise_room_freed: clears Study.pairsFullUntil, the next-pair lease's note that no open pair has
-- room (prisma/sql/next-lease.sql, rule 6), whenever room may have appeared before the note runs out:
-- a lease flagged, released or deleted, a vote deleted (undo, withdrawal, a removed rater), a pair
-- included again, the study's votes per pair raised, or more of its prompts opened. The note also runs out by itself at the first
-- live lease's expiry, so no freed room waits for it.
--
-- Writes: "Study".pairsFullUntil (only when it is set: otherwise the UPDATE matches no row).
CREATE OR REPLACE FUNCTION "pairwise_room_freed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Study" SET "pairsFullUntil" = NULL WHERE id = OLD."studyId" AND "pairsFullUntil" IS NOT NULL;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS "Assignment_room_freed" ON "Assignment";
CREATE TRIGGER "Assignment_room_freed" AFTER DELETE OR UPDATE OF "flaggedAt", "expiresAt" ON "Assignment"
  FOR EACH ROW EXECUTE FUNCTION "pairwise_room_freed"();

DROP TRIGGER IF EXISTS "Vote_room_freed" ON "Vote";
CREATE TRIGGER "Vote_room_freed" AFTER DELETE ON "Vote"
  FOR EACH ROW EXECUTE FUNCTION "pairwise_room_freed"();

DROP TRIGGER IF EXISTS "Pair_room_freed" ON "Pair";
CREATE TRIGGER "Pair_room_freed" AFTER UPDATE OF excluded ON "Pair"
  FOR EACH ROW WHEN (OLD.excluded AND NOT NEW.excluded) EXECUTE FUNCTION "pairwise_room_freed"();

-- The study's own row: raising votesPerPair, reopening, or opening more prompts (sampling of model
-- pairs, lib/data/pair-opening.ts) drops the note in the same update.
CREATE OR REPLACE FUNCTION "pairwise_study_room_freed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."pairsFullUntil" := NULL;
  RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS "Study_room_freed" ON "Study";
CREATE TRIGGER "Study_room_freed" BEFORE UPDATE OF "votesPerPair", status, "openedPrompts" ON "Study"
  FOR EACH ROW WHEN (NEW."votesPerPair" > OLD."votesPerPair" OR NEW.status <> OLD.status OR NEW."openedPrompts" > OLD."openedPrompts")
  EXECUTE FUNCTION "pairwise_study_room_freed"();
