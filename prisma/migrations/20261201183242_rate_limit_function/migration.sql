-- Rate limits (sign-in, sign-up, crowd entry) in one round trip: the attempt is recorded under every
-- key and checked against the limits atomically, and a success is recorded under the account key's
-- lock. Functions rather than client-side transactions: no locks are held across the network, and two
-- successful sign-ins of one account no longer deadlock (that failed a correct sign-in with 401).

-- Whether each key had fewer than its max unsucceeded attempts in the window before this one, and
-- the ids of this attempt's rows (one per key). Refused attempts are recorded too.
CREATE FUNCTION "pairwise_take_attempt"(keys text[], maxes int[], window_minutes int)
RETURNS TABLE (allowed boolean, ids bigint[]) LANGUAGE plpgsql AS $$
BEGIN
  -- Keys locked in sorted order (two callers cannot deadlock), held until the transaction ends.
  PERFORM pg_advisory_xact_lock(hashtextextended('rate:' || k, 0)) FROM (SELECT unnest(keys) AS k ORDER BY 1) sorted;
  -- A new statement, so a new snapshot: it sees the attempts committed while this one waited.
  allowed := NOT EXISTS (
    SELECT 1 FROM unnest(keys, maxes) AS l(key, max_failures)
    WHERE (SELECT count(*) FROM "SignInAttempt" a
           WHERE a.key = l.key AND NOT a.succeeded AND a."createdAt" > now() - make_interval(mins => window_minutes)) >= l.max_failures);
  WITH inserted AS (
    INSERT INTO "SignInAttempt" (key, succeeded) SELECT unnest(keys), false RETURNING id
  )
  SELECT array_agg(id) INTO ids FROM inserted;
  RETURN NEXT;
END
$$;

-- A successful attempt: its rows stop counting, and the first key's earlier failures (the account's
-- typos) are forgiven. Under that key's lock, so two successes of one account at once (two tabs, two
-- test workers) take turns instead of deadlocking on each other's rows.
CREATE FUNCTION "pairwise_attempt_succeeded"(attempt_ids bigint[], clear_key text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF clear_key IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('rate:' || clear_key, 0));
    DELETE FROM "SignInAttempt" WHERE key = clear_key AND NOT succeeded AND id <> ALL(attempt_ids);
  END IF;
  UPDATE "SignInAttempt" SET succeeded = true WHERE id = ANY(attempt_ids);
END
$$;
