-- pairwise_take_attempt: rate limits (sign-in, sign-up, crowd entry) in one round trip: the attempt is
-- recorded under every key and checked against the limits atomically. A function rather than a
-- client-side transaction: no connection is held across the network while the keys' locks are waited
-- for (under load, a client transaction that waited for a pooled connection timed out and a correct
-- sign-in failed). Called by lib/data/rate-limit.ts.
--
-- Writes: "SignInAttempt", one row per key (refused attempts are recorded too); takes a transaction-level
-- advisory lock per key.

-- Whether each key had fewer than its max unsucceeded attempts in the window before this one, and
-- the ids of this attempt's rows (one per key). Refused attempts are recorded too.
CREATE OR REPLACE FUNCTION "pairwise_take_attempt"(keys text[], maxes int[], window_minutes int)
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
