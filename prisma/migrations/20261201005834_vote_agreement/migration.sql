-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "agrees" BOOLEAN;

-- Hand-written: the rater-agreement rule (same as lib/stats raterMajorityAgreement) in SQL, once.
-- A vote's label as a bit: output A won = 1, output B won = 2, tie = 4, both bad = 8.
CREATE FUNCTION "pairwise_label_bit"(choice "Choice", winner text, output_a text) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE choice WHEN 'TIE' THEN 4 WHEN 'BOTH_BAD' THEN 8 ELSE CASE WHEN winner = output_a THEN 1 ELSE 2 END END $$;

-- For a voter of each label (bits as above) on a pair with tally (a, b, t, x): whether the other
-- votes, the tally minus that one, have a strict plurality (compared), and whether it is that label (agree).
CREATE FUNCTION "pairwise_agree_mask"(a int, b int, t int, x int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((a - 1) > b AND (a - 1) > t AND (a - 1) > x)::int
    + 2 * ((b - 1) > a AND (b - 1) > t AND (b - 1) > x)::int
    + 4 * ((t - 1) > a AND (t - 1) > b AND (t - 1) > x)::int
    + 8 * ((x - 1) > a AND (x - 1) > b AND (x - 1) > t)::int $$;
CREATE FUNCTION "pairwise_compared_mask"(a int, b int, t int, x int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (((a - 1) > b AND (a - 1) > t AND (a - 1) > x) OR (b > (a - 1) AND b > t AND b > x) OR (t > (a - 1) AND t > b AND t > x) OR (x > (a - 1) AND x > b AND x > t))::int
    + 2 * ((a > (b - 1) AND a > t AND a > x) OR ((b - 1) > a AND (b - 1) > t AND (b - 1) > x) OR (t > a AND t > (b - 1) AND t > x) OR (x > a AND x > (b - 1) AND x > t))::int
    + 4 * ((a > b AND a > (t - 1) AND a > x) OR (b > a AND b > (t - 1) AND b > x) OR ((t - 1) > a AND (t - 1) > b AND (t - 1) > x) OR (x > a AND x > b AND x > (t - 1)))::int
    + 8 * ((a > b AND a > t AND a > (x - 1)) OR (b > a AND b > t AND b > (x - 1)) OR (t > a AND t > b AND t > (x - 1)) OR ((x - 1) > a AND (x - 1) > b AND (x - 1) > t))::int $$;

-- Null when the others have no strict plurality, else whether the vote sides with it.
CREATE FUNCTION "pairwise_agrees"(label int, a int, b int, t int, x int) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN "pairwise_compared_mask"(a, b, t, x) & label = 0 THEN NULL
                    ELSE "pairwise_agree_mask"(a, b, t, x) & label <> 0 END $$;

-- The tally trigger now also refreshes the agreement flag of every vote on the pairs it touched
-- (under the pair's row lock, which serializes votes on one pair), writing only flags that change.
CREATE OR REPLACE FUNCTION "pairwise_vote_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
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

  UPDATE "Vote" v SET "agrees" = f.agrees
  FROM (
    SELECT w.id, "pairwise_agrees"("pairwise_label_bit"(w.choice, w."winnerOutputId", p."outputAId"),
                                   p."winsA", p."winsB", p.ties, p."bothBad") AS agrees
    FROM "Pair" p JOIN "Vote" w ON w."pairId" = p.id
    WHERE p.id IN (SELECT "pairId" FROM changed)
  ) f
  WHERE v.id = f.id AND v."agrees" IS DISTINCT FROM f.agrees;
  RETURN NULL;
END
$$;

-- Existing votes.
UPDATE "Vote" v SET "agrees" = "pairwise_agrees"("pairwise_label_bit"(v.choice, v."winnerOutputId", p."outputAId"),
                                                  p."winsA", p."winsB", p.ties, p."bothBad")
FROM "Pair" p WHERE p.id = v."pairId";
