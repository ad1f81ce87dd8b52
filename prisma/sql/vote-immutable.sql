-- A vote is a record of what a rater pressed: what it counts for (pair, rater, study, choice, winner,
-- and the hour it counts in) never changes after the fact, nor do the issues it marked on the answers
-- or its choices on the other criteria; delete it instead (its tallies, marks and choices follow).
-- Writes: no table; an UPDATE that would change one of those columns, or any mark or criterion choice,
-- fails with check_violation.

CREATE OR REPLACE FUNCTION "pairwise_vote_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a vote''s pair, rater, study, choice, winner and time cannot change (delete it instead)'
    USING ERRCODE = 'check_violation';
END
$$;
DROP TRIGGER IF EXISTS "Vote_immutable" ON "Vote";
CREATE TRIGGER "Vote_immutable" BEFORE UPDATE OF "pairId", "raterId", "studyId", "choice", "winnerOutputId", "createdAt" ON "Vote"
  FOR EACH ROW WHEN (OLD."pairId" IS DISTINCT FROM NEW."pairId" OR OLD."raterId" IS DISTINCT FROM NEW."raterId"
    OR OLD."studyId" IS DISTINCT FROM NEW."studyId" OR OLD."choice" IS DISTINCT FROM NEW."choice"
    OR OLD."winnerOutputId" IS DISTINCT FROM NEW."winnerOutputId" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt")
  EXECUTE FUNCTION "pairwise_vote_immutable"();

CREATE OR REPLACE FUNCTION "pairwise_vote_issue_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an issue marked with a vote cannot change (delete the vote instead)' USING ERRCODE = 'check_violation';
END
$$;
DROP TRIGGER IF EXISTS "VoteIssue_immutable" ON "VoteIssue";
CREATE TRIGGER "VoteIssue_immutable" BEFORE UPDATE ON "VoteIssue"
  FOR EACH ROW EXECUTE FUNCTION "pairwise_vote_issue_immutable"();

CREATE OR REPLACE FUNCTION "pairwise_vote_criterion_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a criterion chosen with a vote cannot change (delete the vote instead)' USING ERRCODE = 'check_violation';
END
$$;
DROP TRIGGER IF EXISTS "VoteCriterion_immutable" ON "VoteCriterion";
CREATE TRIGGER "VoteCriterion_immutable" BEFORE UPDATE ON "VoteCriterion"
  FOR EACH ROW EXECUTE FUNCTION "pairwise_vote_criterion_immutable"();
