-- pairwise_next_lease: the pair a rater gets next, as one function (one round trip; its row locks are
-- held for no network time). Called by lib/data/assignments.ts.
--
-- Writes:
--   "Assignment"   a new lease (rule 5), at most one per call;
--   "StudyMember"  completionShownAt, the first time the completion is given (rule 7);
--   "Study"        pairsFullUntil, when no open pair has room (rule 6);
--   and row locks: the rater's "StudyMember" row, the chosen "Pair" row, the "Study" row when it writes it.
--
-- Why the rater's lock is taken alone, before anything is read: under READ COMMITTED a statement keeps
-- the snapshot taken when it started, so a statement that waited for the lock would still see the
-- rater's live lease (or the vote just cast) as it was before the wait, and two requests at once from
-- one rater would get two leases or a wrong 'done'. Every later statement starts after the lock.
--
-- Open pairs, the only ones ever leased: neither excluded, decided (adaptive votes: the pair's
-- majority over votesPerPair can no longer change; Pair.decided, kept by prisma/sql/vote-tally.sql) nor
-- held (sampling of model pairs: its prompt has not opened, or the draw left it out; lib/data/pair-opening.ts),
-- and short of votesPerPair votes. So a decided or held pair counts as full everywhere below: in the
-- candidates, under the pair's lock, in rule 6's room check and in rule 7's 'done'. The first three
-- conditions are Pair_lease_queue_idx's predicate: every statement that reads the queue names all three,
-- or the planner could not use the index.
--
-- Besides the lease:
--   * A study that stopped early (Study.stoppedAt, set by the stopping rule, lib/data/stopping.ts) gives
--     no new lease: the rater is done as if the pairs had run out, with the completion or screen-out
--     below. A live lease given before the stop is still returned, as under the quota (rule 2 comes first).
--   * A rater with Study.maxVotesPerRater votes is done (their quota), unless they hold a live lease
--     (given while under it; an undo gives a pair back that way).
--   * A study with consent text (Study.consentText) gives nothing, not even a live lease, to a member
--     who has not accepted it (StudyMember.consentedAt): 'consent_required'.
--   * 'done' carries the completion only once the rater cast Study.minVotesForCompletion real votes
--     (flags do not count); below it the code and URL are withheld and shortOfVotes says how many
--     votes they lacked (only in studies that have a completion to withhold). Short of them because
--     the pairs ran out, the rater gets the screen-out code and URL instead (Study.screenOutCode/Url),
--     unless they flagged every pair they were given (no votes, some flags): neither code then. The first time the
--     completion is given, StudyMember.completionShownAt is set (no undo after it); the member row
--     is already locked, and the write happens once per rater.
--   * The row carries the rating options the page needs (settle time, seen-both rule, undo window:
--     0 when the study reveals the models after each vote, since an undo would then let a rater
--     re-vote knowing them), the rater's quota and their median time per vote (one read of the
--     Vote(studyId, raterId, msTaken) index, up to the middle of their votes: pairwise_rater_median).
--
-- The rules:
--   1. Lock the rater's membership row (serializes one rater's requests and undos: two tabs get one lease).
--   2. A live lease of theirs, read after that lock, is returned as is (the newest, if several).
--   3. A rater at their quota is done; so is every rater of a study that stopped early.
--   4. Otherwise lock a candidate pair: new to this rater, short of votes counting live leases, fewest
--      first, random among equals. Candidates come from the open pairs in (voteCount, shuffle) order
--      (Pair_lease_queue_idx; shuffle is a random key per pair): WINDOW of them from a random point of
--      the least-voted ones on, and up to WINDOW least-voted ones before it (wrapping round), then the first WIDE_WINDOW (skipping pairs other requests have locked),
--      then every open pair new to the rater, waiting for locks instead of skipping them (read in the
--      same pass over the open pairs as rule 6's check). So concurrent raters spread over all the least-voted pairs, and a
--      lease reads a few dozen rows whatever the study's size and the number of live leases. A gold
--      pair first when the caller's uniform draw falls below Study.goldRate. A live lease is one
--      neither voted, flagged nor expired (pairwise_live_leases, the one definition rules 4 to 6 use).
--   5. Under the pair's lock, re-count votes + live leases (each statement here reads a fresh
--      snapshot under READ COMMITTED, so leases committed meanwhile count) and write the lease only if
--      there is still room; the side shown left is the one shown there less often, the coin on a tie.
--      No room (another process won the race): back to 4, up to p_attempts times.
--   6. Nothing to pick: 'waiting' when open pairs new to this rater remain (held by other raters' leases,
--      or locked this instant), else 'done'. The check reads no locks, so 'done' is never wrong.
--      When no open pair has room for anyone (every one is held by live leases), Study.pairsFullUntil
--      notes it until the first of those leases expires, 10 s at most, and until then rule 4 is
--      skipped: near the end of a study, when raters outnumber the open pairs, each waiting rater's
--      request would otherwise read every open pair and its leases (the end-of-study target of
--      docs/benchmarks.md: 5,000 raters on 1,000 open pairs). Triggers drop the note as soon as room
--      can appear otherwise (prisma/sql/pairs-full-hint.sql); no lease is given beyond votesPerPair either way.
--   7. Done: the completion as above.
--   8. With sampling of model pairs, while prompts remain unopened (Study.openedPrompts < samplingPrompts)
--      the rater is never 'done': nothing to pick is 'waiting', with the prompts opened so far
--      ("openedPrompts", null otherwise), and the caller opens the next block of prompts, unless another
--      request did meanwhile, and asks again (lib/data/assignments.ts, lib/data/pair-opening.ts).
-- Outcomes: not_member, closed (see status), consent_required, lease, waiting, done, busy. Lock waits end after 10 s.
--
-- pairwise_live_leases: a pair's live leases at p_at (neither voted, flagged nor expired), how many and
-- when the first expires. One SELECT in LANGUAGE sql, STABLE, not STRICT: PostgreSQL inlines it into the
-- statement that calls it (as the subquery written out), so it adds no call and no plan of its own and
-- is cached in the caller's generic plan. VOLATILE, STRICT or a SET clause would stop the inlining.
CREATE OR REPLACE FUNCTION "pairwise_live_leases"(p_pair text, p_at timestamp)
RETURNS TABLE (n int, first_expiry timestamp) LANGUAGE sql STABLE AS $$
  SELECT count(*)::int, min(l."expiresAt") FROM "Assignment" l
  WHERE l."pairId" = p_pair AND l."expiresAt" > p_at AND l."completedAt" IS NULL AND l."flaggedAt" IS NULL
$$;

-- Dropped first: a changed result type cannot be replaced in place.
DROP FUNCTION IF EXISTS "pairwise_next_lease"(text, text, float8, int, int, int, text, boolean);
CREATE OR REPLACE FUNCTION "pairwise_next_lease"(
  p_study text, p_rater text, p_gold_draw float8, p_window int, p_wide_window int, p_attempts int,
  p_new_id text, p_coin boolean
) RETURNS TABLE (
  outcome text, "judgedByYou" int, status text, "allowTie" boolean, "allowBothBad" boolean, rationale text,
  "settleMs" int, "requireSeenBoth" boolean, "undoSeconds" int, quota int, "medianMs" float8, "shortOfVotes" int,
  "completionCode" text, "completionUrl" text, "screenOutCode" text, "screenOutUrl" text, "assignmentId" text, "leftIsA" boolean, "expiresAtMs" float8,
  instruction text, input text, "textA" text, "textB" text, issues jsonb,
  criteria jsonb,
  "userTurns" text[], system text, "turnsA" text[], "turnsB" text[], turn int, "openedPrompts" int
) LANGUAGE plpgsql SET lock_timeout = '10s' AS $$
#variable_conflict use_column
DECLARE
  now_utc timestamp := now() AT TIME ZONE 'UTC';
  v_outcome text;
  v_votes int; v_status text; v_per_pair int; v_lease_seconds int; v_gold_rate float8;
  v_tie boolean; v_bad boolean; v_rationale text; v_code text; v_url text;
  v_settle int; v_seen boolean; v_undo int; v_quota int; v_min_votes int; v_shown timestamp; v_short int;
  v_consent_missing boolean; v_screen_code text; v_screen_url text; v_out_code text; v_out_url text;
  v_assignment text;
  v_pair text;
  v_candidates text[];
  v_low int;
  v_start int;
  v_known_full boolean;
  v_stopped boolean;
  v_nothing boolean := false;
  v_room boolean;
  v_first_expiry timestamp;
  v_pending boolean;
  v_unopened boolean;
  v_opened int;
BEGIN
  -- The rater's lock alone, then everything else in statements that start after it is granted: a
  -- statement's snapshot is taken when it starts, before any wait for a lock inside it.
  PERFORM 1 FROM "StudyMember" m WHERE m."studyId" = p_study AND m."userId" = p_rater FOR NO KEY UPDATE;
  IF FOUND THEN
    SELECT m.votes, m."completionShownAt", s.status::text, s."votesPerPair", s."leaseSeconds", s."goldRate",
           s."allowTie", s."allowBothBad", s.rationale::text, s."completionCode", s."completionUrl",
           s."voteSettleMs", s."requireSeenBoth", CASE WHEN s."revealAfterVote" THEN 0 ELSE s."undoSeconds" END,
           s."maxVotesPerRater", s."minVotesForCompletion", a.id,
           s."consentText" <> '' AND m."consentedAt" IS NULL, s."screenOutCode", s."screenOutUrl", s."pairsFullUntil" > now_utc,
           s."stoppedAt" IS NOT NULL, s."openedPrompts" < s."samplingPrompts", s."openedPrompts"
      INTO v_votes, v_shown, v_status, v_per_pair, v_lease_seconds, v_gold_rate, v_tie, v_bad, v_rationale, v_code, v_url,
           v_settle, v_seen, v_undo, v_quota, v_min_votes, v_assignment, v_consent_missing, v_screen_code, v_screen_url, v_known_full,
           v_stopped, v_unopened, v_opened
    FROM "StudyMember" m
    JOIN "Study" s ON s.id = m."studyId"
    LEFT JOIN LATERAL (
      SELECT x.id FROM "Assignment" x
      WHERE x."studyId" = m."studyId" AND x."raterId" = m."userId"
        AND x."completedAt" IS NULL AND x."flaggedAt" IS NULL AND x."expiresAt" > now_utc
      ORDER BY x."servedAt" DESC LIMIT 1
    ) a ON true
    WHERE m."studyId" = p_study AND m."userId" = p_rater;
  END IF;

  -- status is NOT NULL in Study: null here means the membership row was not found.
  IF v_status IS NULL THEN
    v_outcome := 'not_member';
  ELSIF v_status <> 'OPEN' THEN
    v_outcome := 'closed';
    v_assignment := NULL;
  ELSIF v_consent_missing THEN
    v_outcome := 'consent_required';
    v_assignment := NULL;
  ELSIF v_assignment IS NOT NULL THEN
    v_outcome := 'lease';
  ELSIF v_quota IS NOT NULL AND v_votes >= v_quota THEN
    v_outcome := 'done';
  ELSIF v_stopped THEN
    v_outcome := 'done';
  ELSIF v_known_full THEN
    v_nothing := true;
  ELSE
    v_outcome := 'busy';
    FOR attempt IN 1..p_attempts LOOP
      v_pair := NULL;
      -- Candidates, by phase: 0, gold pairs (first attempt, when drawn); 1, WINDOW pairs from a random
      -- point of the least-voted open pairs, in Pair_lease_queue_idx order (voteCount, shuffle), and up
      -- to WINDOW before it among the least-voted; 2, the first WIDE_WINDOW of that order; 3, every open
      -- pair. New to this rater in each case: "new to this rater" is written
      -- as a count of at most one row (Assignment(pairId, raterId) is unique), never NOT EXISTS, in every
      -- statement here, so it stays one index probe per pair read. PL/pgSQL switches to generic plans
      -- after five calls, and the generic plan of NOT EXISTS was a merge anti-join over every
      -- assignment of the study (about 50 ms per call at a million votes).
      FOR phase IN 0..3 LOOP
        EXIT WHEN v_pair IS NOT NULL;
        IF phase = 0 THEN
          CONTINUE WHEN NOT (attempt = 1 AND v_gold_rate > 0 AND p_gold_draw < v_gold_rate);
          v_candidates := ARRAY(
            SELECT c.id FROM "Pair" c
            WHERE c."studyId" = p_study AND c."goldOutputId" IS NOT NULL AND NOT c.excluded AND NOT c.decided AND NOT c.held AND c."voteCount" < v_per_pair
              AND (SELECT count(*) FROM "Assignment" mine WHERE mine."pairId" = c.id AND mine."raterId" = p_rater) = 0
            ORDER BY c."voteCount", c.shuffle LIMIT p_window);
        ELSIF phase = 1 THEN
          SELECT c."voteCount" INTO v_low FROM "Pair" c
          WHERE c."studyId" = p_study AND NOT c.excluded AND NOT c.decided AND NOT c.held AND c."voteCount" < v_per_pair
          ORDER BY c."voteCount" LIMIT 1;
          CONTINUE WHEN v_low IS NULL;
          -- Drawn into a variable: a volatile call in the WHERE would be evaluated per row, not used as the index bound.
          v_start := floor(random() * 2147483647)::int;
          -- From the random point on (into the next vote counts if the least-voted run out), and the
          -- least-voted pairs before that point (wrapping round), so a small least-voted set is read whole.
          v_candidates := ARRAY(
            (SELECT c.id FROM "Pair" c
             WHERE c."studyId" = p_study AND NOT c.excluded AND NOT c.decided AND NOT c.held AND c."voteCount" < v_per_pair
               AND (c."voteCount", c.shuffle) >= (v_low, v_start)
               AND (SELECT count(*) FROM "Assignment" mine WHERE mine."pairId" = c.id AND mine."raterId" = p_rater) = 0
             ORDER BY c."voteCount", c.shuffle LIMIT p_window)
            UNION ALL
            (SELECT c.id FROM "Pair" c
             WHERE c."studyId" = p_study AND NOT c.excluded AND NOT c.decided AND NOT c.held AND c."voteCount" = v_low AND c.shuffle < v_start
               AND (SELECT count(*) FROM "Assignment" mine WHERE mine."pairId" = c.id AND mine."raterId" = p_rater) = 0
             ORDER BY c.shuffle LIMIT p_window));
        ELSIF phase = 2 THEN
          v_candidates := ARRAY(
            SELECT c.id FROM "Pair" c
            WHERE c."studyId" = p_study AND NOT c.excluded AND NOT c.decided AND NOT c.held AND c."voteCount" < v_per_pair
              AND (SELECT count(*) FROM "Assignment" mine WHERE mine."pairId" = c.id AND mine."raterId" = p_rater) = 0
            ORDER BY c."voteCount", c.shuffle LIMIT p_wide_window);
        ELSE
          -- One pass over every open pair and its live leases: the candidates are the least loaded of
          -- those new to this rater with room, at most WIDE_WINDOW (at least one: the bench's EXPLAIN
          -- passes windows of 0), random among equals so the pick's choice stays uniform; and rule 6
          -- learns whether any open pair has room for anyone and when the first lease expires. Mid-study
          -- (a vote level's last pairs all held) the pass reads the whole study: the pick must not read
          -- it again. The rater's probe runs only for pairs with room: at the end of a study, most are held.
          SELECT coalesce((array_agg(pr.id ORDER BY pr."voteCount" + live.n, random()) FILTER (WHERE pr."voteCount" + live.n < v_per_pair
                   AND (SELECT count(*) FROM "Assignment" mine WHERE mine."pairId" = pr.id AND mine."raterId" = p_rater) = 0))[:greatest(p_wide_window, 1)], '{}'),
                 coalesce(bool_or(pr."voteCount" + live.n < v_per_pair), false), min(live.first_expiry)
            INTO v_candidates, v_room, v_first_expiry
          FROM "Pair" pr
          CROSS JOIN LATERAL "pairwise_live_leases"(pr.id, now_utc) live
          WHERE pr."studyId" = p_study AND NOT pr.excluded AND NOT pr.decided AND NOT pr.held AND pr."voteCount" < v_per_pair;
        END IF;
        -- The pick: fewest votes plus live leases first, random among equals. Phases 0 to 2 skip a pair
        -- another request holds; phase 3 waits for its lock instead (a lease holds it for a millisecond
        -- or two, and skipping would send a rater away while a pair still had room). "NOT excluded" and
        -- "NOT decided" are checked again under the lock: a pair excluded, or decided by a vote, while we
        -- waited for it is not leased. The two statements differ only in SKIP LOCKED, which PL/pgSQL
        -- cannot take as a parameter; EXECUTE could, but would plan the statement again on every call.
        IF phase < 3 THEN
          SELECT pr.id INTO v_pair FROM "Pair" pr
          CROSS JOIN LATERAL "pairwise_live_leases"(pr.id, now_utc) live
          WHERE pr.id = ANY (v_candidates) AND NOT pr.excluded AND NOT pr.decided AND NOT pr.held AND pr."voteCount" + live.n < v_per_pair
          ORDER BY pr."voteCount" + live.n, random() LIMIT 1
          FOR NO KEY UPDATE OF pr SKIP LOCKED;
        ELSE
          SELECT pr.id INTO v_pair FROM "Pair" pr
          CROSS JOIN LATERAL "pairwise_live_leases"(pr.id, now_utc) live
          WHERE pr.id = ANY (v_candidates) AND NOT pr.excluded AND NOT pr.decided AND NOT pr.held AND pr."voteCount" + live.n < v_per_pair
          ORDER BY pr."voteCount" + live.n, random() LIMIT 1
          FOR NO KEY UPDATE OF pr;
        END IF;
      END LOOP;

      IF v_pair IS NULL THEN
        -- Nothing for this rater. If no open pair has room for anyone either, note it (rule 6).
        IF NOT v_room AND v_first_expiry IS NOT NULL THEN
          UPDATE "Study" SET "pairsFullUntil" = least(now_utc + interval '10 seconds', v_first_expiry) WHERE id = p_study;
        END IF;
        v_nothing := true;
        EXIT;
      END IF;

      WITH p AS (SELECT id, "voteCount", decided, held FROM "Pair" WHERE id = v_pair),
      live AS (SELECT n FROM "pairwise_live_leases"(v_pair, now_utc)),
      sides AS (
        SELECT count(*) FILTER (WHERE "leftIsA")::int AS a_left, count(*) FILTER (WHERE NOT "leftIsA")::int AS b_left
        FROM "Assignment"
        WHERE "pairId" = v_pair AND ("completedAt" IS NOT NULL OR ("expiresAt" > now_utc AND "flaggedAt" IS NULL))
      )
      INSERT INTO "Assignment" (id, "studyId", "pairId", "raterId", "leftIsA", "servedAt", "expiresAt")
      SELECT p_new_id, p_study, p.id, p_rater,
             CASE WHEN sides.a_left < sides.b_left THEN true WHEN sides.a_left > sides.b_left THEN false ELSE p_coin END,
             now_utc, now_utc + make_interval(secs => v_lease_seconds)
      FROM p, live, sides
      WHERE p."voteCount" + live.n < v_per_pair AND NOT p.decided AND NOT p.held
      RETURNING id INTO v_assignment;

      IF v_assignment IS NOT NULL THEN
        v_outcome := 'lease';
        EXIT;
      END IF;
    END LOOP;
  END IF;

  IF v_nothing THEN
    SELECT EXISTS (
      SELECT 1 FROM "Pair" c
      WHERE c."studyId" = p_study AND NOT c.excluded AND NOT c.decided AND NOT c.held AND c."voteCount" < v_per_pair
        AND (SELECT count(*) FROM "Assignment" mine WHERE mine."pairId" = c.id AND mine."raterId" = p_rater) = 0
    ) INTO v_pending;
    v_outcome := CASE WHEN v_pending OR v_unopened THEN 'waiting' ELSE 'done' END;
  END IF;

  v_out_code := NULL;
  v_out_url := NULL;
  IF v_outcome <> 'done' THEN
    v_code := NULL;
    v_url := NULL;
  ELSIF v_votes < v_min_votes THEN
    v_short := CASE WHEN v_code IS NOT NULL OR v_url IS NOT NULL THEN v_min_votes - v_votes END;
    v_code := NULL;
    v_url := NULL;
    -- Screened out: the pairs ran out (not the quota) and the rater did not flag away all they were given.
    IF (v_quota IS NULL OR v_votes < v_quota) AND (v_votes > 0 OR NOT EXISTS (
      SELECT 1 FROM "Assignment" f WHERE f."studyId" = p_study AND f."raterId" = p_rater AND f."flaggedAt" IS NOT NULL
    )) THEN
      v_out_code := v_screen_code;
      v_out_url := v_screen_url;
    END IF;
  ELSIF v_shown IS NULL AND (v_code IS NOT NULL OR v_url IS NOT NULL) THEN
    UPDATE "StudyMember" SET "completionShownAt" = now_utc WHERE "studyId" = p_study AND "userId" = p_rater;
  END IF;

  RETURN QUERY
  SELECT v_outcome, v_votes, v_status, v_tie, v_bad, v_rationale, v_settle, v_seen, v_undo, v_quota,
         CASE WHEN v_outcome IN ('lease', 'waiting', 'done') THEN "pairwise_rater_median"(p_study, p_rater, v_votes) END,
         v_short, v_code, v_url, v_out_code, v_out_url,
         a.id, a."leftIsA", (extract(epoch FROM a."expiresAt") * 1000)::float8, pr.instruction, pr.input, oa.text, ob.text,
         CASE WHEN v_outcome = 'lease' THEN "pairwise_study_issues"(p_study) END,
         CASE WHEN v_outcome = 'lease' THEN "pairwise_study_criteria"(p_study) END,
         -- A conversation (issue 21): its user turns, the system prompt only where the study shows it,
         -- each output's assistant turns and the turn the pair judges (lib/rating/conversation-view.ts).
         pr."userTurns", CASE WHEN st."showSystemPrompt" THEN pr.system END, oa.turns, ob.turns, p.turn,
         CASE WHEN v_outcome = 'waiting' AND v_unopened THEN v_opened END
  FROM (SELECT 1) one
  LEFT JOIN "Assignment" a ON a.id = v_assignment
  LEFT JOIN "Pair" p ON p.id = a."pairId"
  LEFT JOIN "Prompt" pr ON pr.id = p."promptId"
  LEFT JOIN "Output" oa ON oa.id = p."outputAId"
  LEFT JOIN "Output" ob ON ob.id = p."outputBId"
  LEFT JOIN "Study" st ON st.id = p."studyId";
END
$$;
