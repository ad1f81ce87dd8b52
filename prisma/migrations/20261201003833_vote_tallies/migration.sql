-- AlterTable
ALTER TABLE "Output" ADD COLUMN     "chars" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Pair" ADD COLUMN     "bothBad" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "leftWins" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rightWins" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ties" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "winsA" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "winsB" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "StudyMember" ADD COLUMN     "votes" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: the tallies above are kept by the database itself, so every writer (the vote
-- statement, seeds, bulk loads, cascading deletes) keeps them right. Statement-level triggers with
-- transition tables: a bulk insert of a million votes costs one aggregated UPDATE, a single vote one row.
CREATE FUNCTION "pairwise_vote_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign int := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  -- Member rows first, then pairs: the same order the assignment takes its locks in.
  UPDATE "StudyMember" m SET "votes" = m."votes" + sign * d.n
  FROM (SELECT "studyId", "raterId", count(*)::int AS n FROM changed GROUP BY 1, 2) d
  WHERE m."studyId" = d."studyId" AND m."userId" = d."raterId";

  UPDATE "Pair" p SET
    "voteCount" = p."voteCount" + sign * d.n,
    "winsA" = p."winsA" + sign * d.a,
    "winsB" = p."winsB" + sign * d.b,
    "ties" = p."ties" + sign * d.t,
    "bothBad" = p."bothBad" + sign * d.x,
    "leftWins" = p."leftWins" + sign * d.l,
    "rightWins" = p."rightWins" + sign * d.r
  FROM (
    SELECT c."pairId", count(*)::int AS n,
      count(*) FILTER (WHERE c."winnerOutputId" = q."outputAId")::int AS a,
      count(*) FILTER (WHERE c."winnerOutputId" = q."outputBId")::int AS b,
      count(*) FILTER (WHERE c.choice = 'TIE')::int AS t,
      count(*) FILTER (WHERE c.choice = 'BOTH_BAD')::int AS x,
      count(*) FILTER (WHERE c.choice = 'LEFT')::int AS l,
      count(*) FILTER (WHERE c.choice = 'RIGHT')::int AS r
    FROM changed c JOIN "Pair" q ON q.id = c."pairId"
    GROUP BY c."pairId"
  ) d
  WHERE p.id = d."pairId";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Vote_tally_insert" AFTER INSERT ON "Vote"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "pairwise_vote_tally"();
CREATE TRIGGER "Vote_tally_delete" AFTER DELETE ON "Vote"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "pairwise_vote_tally"();

-- A vote is a record of what a rater pressed: what it counts for never changes after the fact.
CREATE FUNCTION "pairwise_vote_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a vote''s pair, rater, study, choice and winner cannot change (delete it instead)'
    USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER "Vote_immutable" BEFORE UPDATE OF "pairId", "raterId", "studyId", "choice", "winnerOutputId" ON "Vote"
  FOR EACH ROW WHEN (OLD."pairId" IS DISTINCT FROM NEW."pairId" OR OLD."raterId" IS DISTINCT FROM NEW."raterId"
    OR OLD."studyId" IS DISTINCT FROM NEW."studyId" OR OLD."choice" IS DISTINCT FROM NEW."choice"
    OR OLD."winnerOutputId" IS DISTINCT FROM NEW."winnerOutputId")
  EXECUTE FUNCTION "pairwise_vote_immutable"();

CREATE FUNCTION "pairwise_output_chars"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."chars" := length(NEW."text");
  RETURN NEW;
END
$$;
CREATE TRIGGER "Output_chars" BEFORE INSERT OR UPDATE OF "text" ON "Output"
  FOR EACH ROW EXECUTE FUNCTION "pairwise_output_chars"();

-- Existing rows.
UPDATE "Output" SET "chars" = length("text");
UPDATE "StudyMember" m SET "votes" = d.n
FROM (SELECT "studyId", "raterId", count(*)::int AS n FROM "Vote" GROUP BY 1, 2) d
WHERE m."studyId" = d."studyId" AND m."userId" = d."raterId";
UPDATE "Pair" p SET
  "voteCount" = d.n, "winsA" = d.a, "winsB" = d.b, "ties" = d.t, "bothBad" = d.x, "leftWins" = d.l, "rightWins" = d.r
FROM (
  SELECT v."pairId", count(*)::int AS n,
    count(*) FILTER (WHERE v."winnerOutputId" = q."outputAId")::int AS a,
    count(*) FILTER (WHERE v."winnerOutputId" = q."outputBId")::int AS b,
    count(*) FILTER (WHERE v.choice = 'TIE')::int AS t,
    count(*) FILTER (WHERE v.choice = 'BOTH_BAD')::int AS x,
    count(*) FILTER (WHERE v.choice = 'LEFT')::int AS l,
    count(*) FILTER (WHERE v.choice = 'RIGHT')::int AS r
  FROM "Vote" v JOIN "Pair" q ON q.id = v."pairId"
  GROUP BY v."pairId"
) d
WHERE p.id = d."pairId";

ALTER TABLE "Pair" ADD CONSTRAINT "Pair_tally_check" CHECK (
  "winsA" >= 0 AND "winsB" >= 0 AND "ties" >= 0 AND "bothBad" >= 0 AND "leftWins" >= 0 AND "rightWins" >= 0
  AND "voteCount" = "winsA" + "winsB" + "ties" + "bothBad" AND "leftWins" + "rightWins" = "winsA" + "winsB");
ALTER TABLE "StudyMember" ADD CONSTRAINT "StudyMember_votes_check" CHECK ("votes" >= 0);
ALTER TABLE "Output" ADD CONSTRAINT "Output_chars_check" CHECK ("chars" >= 0);
