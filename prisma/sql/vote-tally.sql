-- The tallies a vote changes, kept by the database itself so every writer (the vote statement, an
-- undo, seeds, bulk loads, cascading deletes) keeps them right. Statement-level triggers with
-- transition tables: a bulk insert of a million votes costs one aggregated UPDATE, a single vote one row.
-- Writes, on every INSERT or DELETE of "Vote" rows, in this order (the lock order of the assignment):
--   "StudyMember".votes        the rater's vote count in the study;
--   "Pair" tallies             voteCount, winsA, winsB, ties, bothBad, leftWins, rightWins, and decided:
--                              in a study with adaptive votes, whether the pair's majority over
--                              votesPerPair can no longer change (pairwise_majority_decided, majority-decided.sql),
--                              so an undo or a withdrawal reopens it; always false in other studies;
--   "VoteHour".votes           the per-hour, per-shard vote counts of the study (inserted on demand).
-- So a vote statement touches Vote, StudyMember, Pair and VoteHour (and Assignment, written by the
-- caller in the same transaction; see lib/data/votes.ts).

-- A rater's shard (0-31), from md5 so that it never changes (hashtext may across PostgreSQL versions)
-- and spreads any kind of id evenly (the last character of "u0".."u63" gave 10 shards, not 16).
-- The number of shards is 32 unless the database setting pairwise.vote_hour_shards (a power of two,
-- set for a whole database before its first vote) says otherwise: only `npm run bench` sets it
-- (PAIRWISE_MACHINERY_OFF=vote-hour-shards), to measure what the shards buy. Kept for target 2 of
-- docs/benchmarks.md (votes ≥ 0.7× health): with one row per hour, votes @16 fell from 0.42× to 0.26× health.
CREATE OR REPLACE FUNCTION "pairwise_vote_shard"(rater_id text) RETURNS smallint
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (get_byte(decode(md5(rater_id), 'hex'), 0)
                & (coalesce(nullif(current_setting('pairwise.vote_hour_shards', true), '')::int, 32) - 1))::smallint $$;

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
    "rightWins" = p."rightWins" + sign * d.r,
    "decided" = coalesce(d.adaptive, false) AND "pairwise_majority_decided"(
      p."winsA" + sign * d.a, p."winsB" + sign * d.b, p."ties" + p."bothBad" + sign * (d.t + d.x), d.k)
  FROM (
    -- The study's two settings by primary key, once per changed pair (one row for a single vote).
    SELECT c."pairId", s."adaptiveVotes" AS adaptive, s."votesPerPair" AS k, count(*)::int AS n,
      count(*) FILTER (WHERE c."winnerOutputId" = q."outputAId")::int AS a,
      count(*) FILTER (WHERE c."winnerOutputId" = q."outputBId")::int AS b,
      count(*) FILTER (WHERE c.choice = 'TIE')::int AS t,
      count(*) FILTER (WHERE c.choice = 'BOTH_BAD')::int AS x,
      count(*) FILTER (WHERE c.choice = 'LEFT')::int AS l,
      count(*) FILTER (WHERE c.choice = 'RIGHT')::int AS r
    FROM changed c JOIN "Pair" q ON q.id = c."pairId" LEFT JOIN "Study" s ON s.id = c."studyId"
    GROUP BY c."pairId", s."adaptiveVotes", s."votesPerPair"
  ) d
  WHERE p.id = d."pairId";

  -- Hour rows last and in key order, so two bulk writers never wait on each other's rows crosswise.
  -- Deleted votes only update (the rows are gone already when a whole study is deleted).
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "VoteHour" AS h ("studyId", "hour", "shard", "votes")
    SELECT "studyId", date_trunc('hour', "createdAt"), "pairwise_vote_shard"("raterId"), count(*)::int
    FROM changed GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("studyId", "hour", "shard") DO UPDATE SET "votes" = h."votes" + EXCLUDED."votes";
  ELSE
    UPDATE "VoteHour" h SET "votes" = h."votes" - d.n
    FROM (SELECT "studyId", date_trunc('hour', "createdAt") AS hour, "pairwise_vote_shard"("raterId") AS shard, count(*)::int AS n
          FROM changed GROUP BY 1, 2, 3) d
    WHERE h."studyId" = d."studyId" AND h."hour" = d.hour AND h."shard" = d.shard;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS "Vote_tally_insert" ON "Vote";
CREATE TRIGGER "Vote_tally_insert" AFTER INSERT ON "Vote"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "pairwise_vote_tally"();
DROP TRIGGER IF EXISTS "Vote_tally_delete" ON "Vote";
CREATE TRIGGER "Vote_tally_delete" AFTER DELETE ON "Vote"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "pairwise_vote_tally"();
