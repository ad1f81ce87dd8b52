-- CreateTable
CREATE TABLE "RaterTally" (
    "studyId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "votes" INTEGER NOT NULL DEFAULT 0,
    "left" INTEGER NOT NULL DEFAULT 0,
    "right" INTEGER NOT NULL DEFAULT 0,
    "ties" INTEGER NOT NULL DEFAULT 0,
    "bothBad" INTEGER NOT NULL DEFAULT 0,
    "tooFast" INTEGER NOT NULL DEFAULT 0,
    "agreed" INTEGER NOT NULL DEFAULT 0,
    "compared" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RaterTally_pkey" PRIMARY KEY ("studyId","raterId")
);

-- AddForeignKey
ALTER TABLE "RaterTally" ADD CONSTRAINT "RaterTally_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RaterTally" ADD CONSTRAINT "RaterTally_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: kept by the tally trigger like the other tallies (see vote_tallies, vote_agreement, vote_hours).
-- The tallies' invariants, checked on the row as written. Not a CHECK constraint: those also judge the
-- row an INSERT ... ON CONFLICT DO UPDATE proposes, and the trigger below proposes changes (deltas).
CREATE FUNCTION "pairwise_rater_tally_invalid"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'RaterTally_check: the tally of rater % in study % disagrees with itself', NEW."raterId", NEW."studyId"
    USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER "RaterTally_check" AFTER INSERT OR UPDATE ON "RaterTally"
  FOR EACH ROW WHEN (NOT (
    NEW."left" >= 0 AND NEW."right" >= 0 AND NEW."ties" >= 0 AND NEW."bothBad" >= 0
    AND NEW."votes" = NEW."left" + NEW."right" + NEW."ties" + NEW."bothBad"
    AND NEW."tooFast" BETWEEN 0 AND NEW."votes" AND NEW."agreed" BETWEEN 0 AND NEW."compared" AND NEW."compared" <= NEW."votes"))
  EXECUTE FUNCTION "pairwise_rater_tally_invalid"();

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

  -- Hour rows, then rater rows, each in key order, so two writers never wait on each other's rows crosswise.
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

  -- The agreement flag of every vote on the pairs touched (under the pair's row lock, which
  -- serializes votes on one pair), writing only flags that change; what changed, with the changed
  -- votes themselves, goes into the raters' tallies. A rater's row is touched by other raters' votes
  -- (their flags flip), so rater rows are locked last and in key order.
  WITH f AS (
    SELECT w.id, w."studyId", w."raterId", w."agrees" AS was,
      "pairwise_agrees"("pairwise_label_bit"(w.choice, w."winnerOutputId", p."outputAId"), p."winsA", p."winsB", p.ties, p."bothBad") AS now
    FROM "Pair" p JOIN "Vote" w ON w."pairId" = p.id
    WHERE p.id IN (SELECT "pairId" FROM changed)
  ), flipped AS (
    UPDATE "Vote" v SET "agrees" = f.now FROM f
    WHERE v.id = f.id AND v."agrees" IS DISTINCT FROM f.now
    RETURNING f."studyId", f."raterId", f.was, f.now
  ), d AS (
    SELECT "studyId", "raterId", count(*)::int AS n,
      count(*) FILTER (WHERE choice = 'LEFT')::int AS l, count(*) FILTER (WHERE choice = 'RIGHT')::int AS r,
      count(*) FILTER (WHERE choice = 'TIE')::int AS t, count(*) FILTER (WHERE choice = 'BOTH_BAD')::int AS x,
      count(*) FILTER (WHERE "tooFast")::int AS fast,
      -- A changed vote's own flag as it was inserted (usually null) or deleted; flips correct it.
      count(*) FILTER (WHERE "agrees")::int AS agreed, count("agrees")::int AS compared
    FROM changed GROUP BY 1, 2
  ), delta AS (
    SELECT "studyId", "raterId", sign * n AS n, sign * l AS l, sign * r AS r, sign * t AS t, sign * x AS x, sign * fast AS fast,
      sign * agreed AS agreed, sign * compared AS compared FROM d
    UNION ALL
    SELECT "studyId", "raterId", 0, 0, 0, 0, 0, 0, (now IS TRUE)::int - (was IS TRUE)::int, (now IS NOT NULL)::int - (was IS NOT NULL)::int
    FROM flipped
  ), total AS (
    SELECT "studyId", "raterId", sum(n)::int AS n, sum(l)::int AS l, sum(r)::int AS r, sum(t)::int AS t, sum(x)::int AS x,
      sum(fast)::int AS fast, sum(agreed)::int AS agreed, sum(compared)::int AS compared
    FROM delta GROUP BY 1, 2
  )
  INSERT INTO "RaterTally" AS k ("studyId", "raterId", "votes", "left", "right", "ties", "bothBad", "tooFast", "agreed", "compared")
  SELECT "studyId", "raterId", n, l, r, t, x, fast, agreed, compared FROM total
  -- A delete never creates a row (its study or rater may be on the way out); their rows exist already.
  WHERE sign = 1 OR EXISTS (SELECT 1 FROM "RaterTally" e WHERE e."studyId" = total."studyId" AND e."raterId" = total."raterId")
  ORDER BY 1, 2
  ON CONFLICT ("studyId", "raterId") DO UPDATE SET
    "votes" = k."votes" + EXCLUDED."votes", "left" = k."left" + EXCLUDED."left", "right" = k."right" + EXCLUDED."right",
    "ties" = k."ties" + EXCLUDED."ties", "bothBad" = k."bothBad" + EXCLUDED."bothBad", "tooFast" = k."tooFast" + EXCLUDED."tooFast",
    "agreed" = k."agreed" + EXCLUDED."agreed", "compared" = k."compared" + EXCLUDED."compared";
  RETURN NULL;
END
$$;

-- What a vote counts for in its rater's tally cannot change either.
CREATE OR REPLACE FUNCTION "pairwise_vote_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a vote''s pair, rater, study, choice, winner, time and speed flag cannot change (delete it instead)'
    USING ERRCODE = 'check_violation';
END
$$;
DROP TRIGGER "Vote_immutable" ON "Vote";
CREATE TRIGGER "Vote_immutable" BEFORE UPDATE OF "pairId", "raterId", "studyId", "choice", "winnerOutputId", "createdAt", "tooFast" ON "Vote"
  FOR EACH ROW WHEN (OLD."pairId" IS DISTINCT FROM NEW."pairId" OR OLD."raterId" IS DISTINCT FROM NEW."raterId"
    OR OLD."studyId" IS DISTINCT FROM NEW."studyId" OR OLD."choice" IS DISTINCT FROM NEW."choice"
    OR OLD."winnerOutputId" IS DISTINCT FROM NEW."winnerOutputId" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt"
    OR OLD."tooFast" IS DISTINCT FROM NEW."tooFast")
  EXECUTE FUNCTION "pairwise_vote_immutable"();

-- The agreement flag is the tally trigger's to keep (its UPDATE runs at trigger depth 1): any other
-- writer would make the raters' tallies disagree with the flags.
CREATE FUNCTION "pairwise_vote_agrees_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a vote''s agreement flag is kept by the database (the Vote tally trigger)'
    USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER "Vote_agrees_guard" BEFORE UPDATE OF "agrees" ON "Vote"
  FOR EACH ROW WHEN (pg_trigger_depth() = 0 AND OLD."agrees" IS DISTINCT FROM NEW."agrees")
  EXECUTE FUNCTION "pairwise_vote_agrees_guard"();

-- Existing votes.
INSERT INTO "RaterTally" ("studyId", "raterId", "votes", "left", "right", "ties", "bothBad", "tooFast", "agreed", "compared")
SELECT "studyId", "raterId", count(*)::int,
  count(*) FILTER (WHERE choice = 'LEFT')::int, count(*) FILTER (WHERE choice = 'RIGHT')::int,
  count(*) FILTER (WHERE choice = 'TIE')::int, count(*) FILTER (WHERE choice = 'BOTH_BAD')::int,
  count(*) FILTER (WHERE "tooFast")::int, count(*) FILTER (WHERE "agrees")::int, count("agrees")::int
FROM "Vote" GROUP BY 1, 2;
