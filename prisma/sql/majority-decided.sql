-- pairwise_majority_decided: whether a pair's majority over k planned votes can no longer change,
-- given its votes so far (A wins, B wins, and the tie bloc: ties plus "both bad"). The twin of
-- lib/allocation/majority-decided.ts pairMajority's status "decided" (tests/rule-twins.int.test.ts
-- holds them equal on every tally short of k, k = 1..7). Used by the Vote triggers (vote-tally.sql)
-- to keep Pair.decided in studies with adaptive votes.
--
-- The majority (lib/stats/majority.ts): A when A has strictly more votes than B and than the tie bloc,
-- B likewise, else a tie. With r = k - n votes to come, it is settled
--   on A   when A leads both others by more than r (r votes on either cannot catch it up),
--   on B   likewise,
--   on tie when neither side could lead even with all r votes (A + r <= max(B, ties), and for B).
-- No votes yet (nothing settled) and k or more (the pair is full, not decided) give false.
-- LANGUAGE sql, IMMUTABLE, not STRICT: inlined into the trigger's UPDATE as the expression itself.
CREATE OR REPLACE FUNCTION "pairwise_majority_decided"(wins_a int, wins_b int, tie_bloc int, k int)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT wins_a + wins_b + tie_bloc > 0 AND wins_a + wins_b + tie_bloc < k AND (
       wins_a > greatest(wins_b, tie_bloc) + (k - wins_a - wins_b - tie_bloc)
    OR wins_b > greatest(wins_a, tie_bloc) + (k - wins_a - wins_b - tie_bloc)
    OR (wins_a + (k - wins_a - wins_b - tie_bloc) <= greatest(wins_b, tie_bloc)
        AND wins_b + (k - wins_a - wins_b - tie_bloc) <= greatest(wins_a, tie_bloc)))
$$;
