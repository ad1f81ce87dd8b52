-- Hand-written (Prisma's schema language has no statistics objects, and its differ ignores them).
-- The number of distinct hours among votes: without it the planner assumes one group per vote and
-- sorts a million rows for the votes-over-time chart instead of aggregating them by hash in parallel.
CREATE STATISTICS "Vote_hour_stats" ON (date_trunc('hour', "createdAt")) FROM "Vote";
ANALYZE "Vote";
