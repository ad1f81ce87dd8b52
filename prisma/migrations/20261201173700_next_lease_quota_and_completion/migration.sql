-- Hand-written: pairwise_next_lease now returns more columns (the rater protections of issue 15:
-- quota, completion rules, rating options, the rater's median). A function's result type cannot be
-- changed in place, so the old one is dropped here; its current definition, and pairwise_rater_median's,
-- are in prisma/sql/next-lease.sql and prisma/sql/rater-median.sql, installed right after the
-- migrations (lib/migrations/repeatable.ts).
DROP FUNCTION "pairwise_next_lease"(text, text, float8, int, int, int, text, boolean);
