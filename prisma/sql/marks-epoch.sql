-- pairwise_marks_changed: bumps Study.marksEpoch whenever a pair's prompt mark (its closed majority, or
-- whether it counts at all) may change after the pair closed. Intervals kept over a study's closed
-- prompts (lib/data/comparison-sequences.ts) are exact only while no such change happened since they
-- were read; a new epoch makes them read every prompt again.
--
-- A closed pair's mark changes only when a vote is removed (an undo, a withdrawal, a removed rater: the
-- tally trigger lowers voteCount, and a decided pair may reopen), when the pair is excluded or readmitted,
-- or when its gold answer is set or cleared (gold pairs count in no figure). A vote added to a closed pair
-- leaves its mark: a full pair takes no vote, and a decided pair's late vote cannot change its majority
-- (prisma/sql/majority-decided.sql). Pairs are created with their study, before anything is kept.
--
-- Writes: "Study"."marksEpoch" (one row; only on those rare changes, not on a vote).
CREATE OR REPLACE FUNCTION "pairwise_marks_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Study" SET "marksEpoch" = "marksEpoch" + 1 WHERE id = NEW."studyId";
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS "Pair_marks_changed" ON "Pair";
CREATE TRIGGER "Pair_marks_changed" AFTER UPDATE OF "voteCount", excluded, "goldOutputId", decided ON "Pair"
  FOR EACH ROW WHEN (
    NEW."voteCount" < OLD."voteCount"
    OR NEW.excluded IS DISTINCT FROM OLD.excluded
    OR NEW."goldOutputId" IS DISTINCT FROM OLD."goldOutputId"
    OR (OLD.decided AND NOT NEW.decided))
  EXECUTE FUNCTION "pairwise_marks_changed"();
