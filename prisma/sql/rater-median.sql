-- A rater's median msTaken in a study (the mean of the two middle votes when even), as
-- percentile_cont(0.5), reading the Vote(studyId, raterId, msTaken) index only up to the middle.
-- p_votes: their vote count (StudyMember.votes, kept by vote-tally.sql). Null without votes.
-- Writes: no table. Used by next-lease.sql and undo-vote.sql.
CREATE OR REPLACE FUNCTION "pairwise_rater_median"(p_study text, p_rater text, p_votes int) RETURNS float8
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_votes > 0 THEN (
    SELECT avg(mid."msTaken")::float8 FROM (
      SELECT v."msTaken" FROM "Vote" v
      WHERE v."studyId" = p_study AND v."raterId" = p_rater
      ORDER BY v."msTaken" OFFSET (p_votes - 1) / 2 LIMIT 2 - p_votes % 2
    ) mid
  ) END $$;

