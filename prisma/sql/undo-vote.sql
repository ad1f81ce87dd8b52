-- pairwise_undo_vote: a rater takes back their last vote. One function, so the whole undo is one
-- transaction and one round trip, and its row locks are held for no network time. Called by lib/data/undo.ts.
--
-- Writes:
--   "Vote"         deletes the vote, and so, through vote-tally.sql's trigger: "StudyMember".votes,
--                  the "Pair" tallies, "Vote".agrees of the pair's other votes and "VoteHour".votes;
--                  and, by cascade, its "VoteIssue" marks and "VoteCriterion" choices;
--   "UndoneVote"   a copy of the vote, with its marks and criterion choices (rule 4);
--   "AuditEvent"   VOTE_UNDONE, by the rater's pseudonym, with the pair and choice (rule 4);
--   "Assignment"   deletes the rater's other live unvoted leases in the study (rule 5) and gives the
--                  voted one back under a new id (rule 6);
--   and row locks: the rater's "StudyMember" row, the vote's "Pair" row.
--
-- The rules:
--   1. Lock the rater's membership row, as pairwise_next_lease does: the rater's undos, leases and
--      (through the Vote trigger's update of that row) votes are serialized; everything is read after it.
--   2. Refuse unless the study is open and has undo (undoSeconds > 0 and no reveal after the vote),
--      the assignment is the rater's in this study and holds their vote, the completion was never
--      shown to them, the vote is at most undoSeconds old (database clock), and no vote of theirs in
--      the study is as new or newer (their last one).
--   3. Lock the vote's pair, then delete the vote: its triggers take it out of the pair's tally, the
--      member's count, the agreement flags of the pair's other votes and the hour counts. The pair
--      lock comes first because the vote row is locked by its DELETE and another rater's vote on the
--      pair locks the pair, then rewrites the flags of its votes: vote row before pair would deadlock.
--   4. Keep the vote in UndoneVote, under the assignment id it was cast under, and say so in the
--      study's audit trail (the undo changes what the results show).
--   5. Release the rater's other live, unvoted leases in the study (the pair served after the vote),
--      skipping any whose row is locked: a vote on it is being written, and waiting for it would
--      deadlock (it waits for this rater's membership row). Such a pair is then simply voted on.
--   6. Give the pair back: the same Assignment row (pair, sides) under a new opaque id, unvoted, served
--      now and leased for leaseSeconds; a retried request of the undone vote names the old id and
--      finds nothing to claim. Voted pairs plus live leases of the pair stay what they were, so the
--      undo never makes room for another rater, and /next returns this lease (the rater's newest).
--   A repeat of an undo (the old id again) answers the same while the pair is still leased unvoted.
-- Outcomes: not_member, closed (see status), undo_off, not_found, no_vote, after_completion, expired,
-- not_last, already_undone, undone (with the lease's columns as pairwise_next_lease returns them).
-- Dropped first: a changed result type cannot be replaced in place.
DROP FUNCTION IF EXISTS "pairwise_undo_vote"(text, text, text, text, text);
CREATE OR REPLACE FUNCTION "pairwise_undo_vote"(p_study text, p_rater text, p_assignment text, p_new_id text, p_undone_id text)
RETURNS TABLE (
  outcome text, "undoneChoice" text, "judgedByYou" int, status text, "allowTie" boolean, "allowBothBad" boolean,
  rationale text, "settleMs" int, "requireSeenBoth" boolean, "undoSeconds" int, quota int, "medianMs" float8,
  "assignmentId" text, "leftIsA" boolean, "expiresAtMs" float8, instruction text, input text, "textA" text, "textB" text,
  issues jsonb, criteria jsonb,
  "userTurns" text[], system text, "turnsA" text[], "turnsB" text[], turn int
) LANGUAGE plpgsql SET lock_timeout = '10s' AS $$
#variable_conflict use_column
DECLARE
  now_utc timestamp := now() AT TIME ZONE 'UTC';
  v_outcome text;
  v_votes int; v_shown timestamp; v_status text; v_lease_seconds int; v_undo int;
  v_tie boolean; v_bad boolean; v_rationale text; v_settle int; v_seen boolean; v_quota int;
  v_found boolean; v_vote text; v_pair text; v_choice text; v_winner text; v_ms int; v_voted timestamp;
  v_assignment text;
  v_marks jsonb; v_criteria jsonb;
BEGIN
  PERFORM 1 FROM "StudyMember" m WHERE m."studyId" = p_study AND m."userId" = p_rater FOR NO KEY UPDATE;
  IF FOUND THEN
    SELECT m.votes, m."completionShownAt", s.status::text, s."leaseSeconds",
           CASE WHEN s."revealAfterVote" THEN 0 ELSE s."undoSeconds" END,
           s."allowTie", s."allowBothBad", s.rationale::text, s."voteSettleMs", s."requireSeenBoth", s."maxVotesPerRater"
      INTO v_votes, v_shown, v_status, v_lease_seconds, v_undo, v_tie, v_bad, v_rationale, v_settle, v_seen, v_quota
    FROM "StudyMember" m JOIN "Study" s ON s.id = m."studyId"
    WHERE m."studyId" = p_study AND m."userId" = p_rater;
  END IF;

  IF v_status IS NULL THEN
    v_outcome := 'not_member';
  ELSIF v_status <> 'OPEN' THEN
    v_outcome := 'closed';
  ELSIF v_undo = 0 THEN
    v_outcome := 'undo_off';
  ELSE
    SELECT true, v.id, v."pairId", v.choice::text, v."winnerOutputId", v."msTaken", v."createdAt"
      INTO v_found, v_vote, v_pair, v_choice, v_winner, v_ms, v_voted
    FROM "Assignment" a LEFT JOIN "Vote" v ON v."assignmentId" = a.id
    WHERE a.id = p_assignment AND a."studyId" = p_study AND a."raterId" = p_rater;

    IF v_found IS NULL THEN
      -- Perhaps undone already: its pair is back under a new id, still leased unless voted again.
      SELECT u.choice::text, a.id INTO v_choice, v_assignment
      FROM "UndoneVote" u
      LEFT JOIN "Assignment" a ON a."pairId" = u."pairId" AND a."raterId" = u."raterId"
        AND a."completedAt" IS NULL AND a."flaggedAt" IS NULL AND a."expiresAt" > now_utc
      WHERE u."assignmentId" = p_assignment AND u."studyId" = p_study AND u."raterId" = p_rater;
      v_outcome := CASE WHEN v_choice IS NULL THEN 'not_found' WHEN v_assignment IS NULL THEN 'already_undone' ELSE 'undone' END;
    ELSIF v_vote IS NULL THEN
      v_outcome := 'no_vote';
    ELSIF v_shown IS NOT NULL THEN
      v_outcome := 'after_completion';
    ELSIF now_utc > v_voted + make_interval(secs => v_undo) THEN
      v_outcome := 'expired';
    -- The Vote(studyId, createdAt) index, from the vote's time on: the last undoSeconds of the study.
    ELSIF EXISTS (
      SELECT 1 FROM "Vote" w
      WHERE w."studyId" = p_study AND w."createdAt" >= v_voted AND w."raterId" = p_rater AND w.id <> v_vote
    ) THEN
      v_outcome := 'not_last';
    ELSE
      PERFORM 1 FROM "Pair" WHERE id = v_pair FOR NO KEY UPDATE;
      SELECT coalesce(jsonb_agg(jsonb_build_object('outputId', vi."outputId", 'key', si.key) ORDER BY vi."outputId", si.position), '[]')
        INTO v_marks
      FROM "VoteIssue" vi JOIN "StudyIssue" si ON si.id = vi."issueId" WHERE vi."voteId" = v_vote;
      SELECT coalesce(jsonb_object_agg(sc.key, jsonb_build_object('choice', vc.choice, 'winnerOutputId', vc."winnerOutputId")), '{}')
        INTO v_criteria
      FROM "VoteCriterion" vc JOIN "StudyCriterion" sc ON sc.id = vc."criterionId" WHERE vc."voteId" = v_vote;
      DELETE FROM "Vote" WHERE id = v_vote;
      INSERT INTO "UndoneVote" (id, "studyId", "pairId", "raterId", "assignmentId", "voteId", choice, "winnerOutputId", "msTaken", issues, criteria, "votedAt", "undoneAt")
      VALUES (p_undone_id, p_study, v_pair, p_rater, p_assignment, v_vote, v_choice::"Choice", v_winner, v_ms, v_marks, v_criteria, v_voted, now_utc);
      INSERT INTO "AuditEvent" ("studyId", "actorId", "actorLabel", at, action, details)
      SELECT p_study, NULL, u.pseudonym, now_utc, 'VOTE_UNDONE',
             jsonb_build_object('rater', u.pseudonym, 'pairId', v_pair, 'choice', v_choice)
      FROM "User" u WHERE u.id = p_rater;
      DELETE FROM "Assignment" x WHERE x.id IN (
        SELECT l.id FROM "Assignment" l
        WHERE l."studyId" = p_study AND l."raterId" = p_rater AND l.id <> p_assignment
          AND l."completedAt" IS NULL AND l."flaggedAt" IS NULL AND l."expiresAt" > now_utc
        FOR UPDATE SKIP LOCKED
      );
      UPDATE "Assignment"
        SET id = p_new_id, "completedAt" = NULL, "servedAt" = now_utc, "expiresAt" = now_utc + make_interval(secs => v_lease_seconds)
        WHERE id = p_assignment;
      v_assignment := p_new_id;
      v_votes := v_votes - 1;
      v_outcome := 'undone';
    END IF;
  END IF;

  RETURN QUERY
  SELECT v_outcome, v_choice, v_votes, v_status, v_tie, v_bad, v_rationale, v_settle, v_seen, v_undo, v_quota,
         CASE WHEN v_outcome = 'undone' THEN "pairwise_rater_median"(p_study, p_rater, v_votes) END,
         a.id, a."leftIsA", (extract(epoch FROM a."expiresAt") * 1000)::float8, pr.instruction, pr.input, oa.text, ob.text,
         "pairwise_study_issues"(p_study), "pairwise_study_criteria"(p_study),
         -- As pairwise_next_lease: a conversation's user turns, the system prompt only where the study shows it,
         -- each output's assistant turns and the turn the pair judges (lib/rating/conversation-view.ts).
         pr."userTurns", CASE WHEN st."showSystemPrompt" THEN pr.system END, oa.turns, ob.turns, p.turn
  FROM (SELECT 1) one
  LEFT JOIN "Assignment" a ON a.id = v_assignment AND v_outcome = 'undone'
  LEFT JOIN "Pair" p ON p.id = a."pairId"
  LEFT JOIN "Prompt" pr ON pr.id = p."promptId"
  LEFT JOIN "Output" oa ON oa.id = p."outputAId"
  LEFT JOIN "Output" ob ON ob.id = p."outputBId"
  LEFT JOIN "Study" st ON st.id = p."studyId";
END
$$;
