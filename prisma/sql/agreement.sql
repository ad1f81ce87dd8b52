-- The rater-agreement rule (the same as lib/stats raterMajorityAgreement), in SQL once: whether a vote
-- sides with the strict plurality of the pair's other votes. Pure functions; they write no table.
-- Used by the results' rater statistics (lib/data/results/rater-stats.ts): once per pair, on its tally
-- in the results' scope, then one bit test per vote.

-- A vote's label as a bit: output A won = 1, output B won = 2, tie = 4, both bad = 8.
CREATE OR REPLACE FUNCTION "pairwise_label_bit"(choice "Choice", winner text, output_a text) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE choice WHEN 'TIE' THEN 4 WHEN 'BOTH_BAD' THEN 8 ELSE CASE WHEN winner = output_a THEN 1 ELSE 2 END END $$;

-- For a voter of each label (bits as above) on a pair with tally (a, b, t, x): whether the other
-- votes, the tally minus that one, have a strict plurality (compared), and whether it is that label (agree).
CREATE OR REPLACE FUNCTION "pairwise_agree_mask"(a int, b int, t int, x int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((a - 1) > b AND (a - 1) > t AND (a - 1) > x)::int
    + 2 * ((b - 1) > a AND (b - 1) > t AND (b - 1) > x)::int
    + 4 * ((t - 1) > a AND (t - 1) > b AND (t - 1) > x)::int
    + 8 * ((x - 1) > a AND (x - 1) > b AND (x - 1) > t)::int $$;
CREATE OR REPLACE FUNCTION "pairwise_compared_mask"(a int, b int, t int, x int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (((a - 1) > b AND (a - 1) > t AND (a - 1) > x) OR (b > (a - 1) AND b > t AND b > x) OR (t > (a - 1) AND t > b AND t > x) OR (x > (a - 1) AND x > b AND x > t))::int
    + 2 * ((a > (b - 1) AND a > t AND a > x) OR ((b - 1) > a AND (b - 1) > t AND (b - 1) > x) OR (t > a AND t > (b - 1) AND t > x) OR (x > a AND x > (b - 1) AND x > t))::int
    + 4 * ((a > b AND a > (t - 1) AND a > x) OR (b > a AND b > (t - 1) AND b > x) OR ((t - 1) > a AND (t - 1) > b AND (t - 1) > x) OR (x > a AND x > b AND x > (t - 1)))::int
    + 8 * ((a > b AND a > t AND a > (x - 1)) OR (b > a AND b > t AND b > (x - 1)) OR (t > a AND t > b AND t > (x - 1)) OR ((x - 1) > a AND (x - 1) > b AND (x - 1) > t))::int $$;

-- Agreement used to be kept per vote by the tally trigger with this; the masks replaced it.
DROP FUNCTION IF EXISTS "pairwise_agrees"(int, int, int, int, int);
