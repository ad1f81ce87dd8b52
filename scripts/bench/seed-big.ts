// Generates the benchmark data in SQL (generate_series, set-based): a study of 100,000 pairs and
// about 1,000,000 votes from 1,000 raters (each vote with its Assignment, the tallies consistent),
// plus two small "vote studies" whose Assignments are pre-created so a load can measure only POST /votes:
// one asking one choice, one asking three criteria with two answer issues to mark (issue 20).
import pg from "pg";

// BENCH_BIG_PAIRS makes it smaller (about 10 votes per pair) for trying a part of the bench quickly.
// BENCH_CONVERSATION=1 makes the big study one of two-turn conversations judged turn by turn (issue 21):
// half as many prompts, each giving a turn-1 and a turn-2 pair, so pairs and votes are as many.
export const BIG = {
  studyId: "s_big", pairs: Number(process.env.BENCH_BIG_PAIRS ?? 100_000), raters: 1_000, votesPerPair: 20,
  conversation: process.env.BENCH_CONVERSATION === "1",
  // BENCH_ADAPTIVE=1: the big study has adaptive votes (issue 22), so every vote runs the decided rule
  // and the lease skips decided pairs.
  adaptive: process.env.BENCH_ADAPTIVE === "1" || process.env.BENCH_SAMPLING === "1",
  // BENCH_SAMPLING=1: three models and sampling of model pairs (issue 22): each prompt's three model
  // pairs (a-b, a-c, b-c: pair i is prompt i / 3's pair i % 3), 2 of 3 drawn per prompt; the first 95 % of
  // the prompts are open, a third of their pairs left out (no votes), the rest unopened (held).
  sampling: process.env.BENCH_SAMPLING === "1",
};
// Big-study pair i's prompt, its two outputs' ids and judged turn.
const PROMPT_OF = BIG.conversation ? "(i / 2)" : BIG.sampling ? "(i / 3)" : "i";
const OUTPUT_A_OF = BIG.sampling ? `'o' || (CASE i % 3 WHEN 2 THEN 'b' ELSE 'a' END) || (i / 3)` : `'oa' || ${PROMPT_OF}`;
const OUTPUT_B_OF = BIG.sampling ? `'o' || (CASE i % 3 WHEN 0 THEN 'b' ELSE 'c' END) || (i / 3)` : `'ob' || ${PROMPT_OF}`;
const TURN_OF = BIG.conversation ? "(1 + i % 2)" : "0";
const SAMPLED_PROMPTS = Math.ceil(BIG.pairs / 3);
const OPENED_PROMPTS = Math.floor(SAMPLED_PROMPTS * 0.95);
// A sampling study runs with a stopping rule (adaptive stopping is what it is for), so its rule is checked
// every 10 s (lib/data/stopping.ts) as in a real one; at this level the generated votes never decide all
// three comparisons, so the study does not stop during a run.
const SAMPLING_STOP_LEVEL = 1e-6;
// Whether big-study pair i is held: its prompt unopened, or (a fixed third of the opened) left out by the draw.
const HELD_OF = BIG.sampling ? `(i / 3 >= ${OPENED_PROMPTS} OR (i * 7919 + 13) % 3 = 0)` : "false";
// Pair i already has i % 21 votes (0..20, mean 10): about 1M votes, 95% of pairs still open.
export const VOTE = { studyId: "s_vote", pairs: 300, raters: 64 };
export const JUDGED_VOTE = { studyId: "s_judged", pairs: 300, raters: 64 };
/** What each vote of the judged vote study carries besides its choice. */
export const JUDGED_VOTE_EXTRA = { criteria: { helpful: "LEFT", harmless: "TIE" }, issues: { left: ["harmful"], right: ["factual-error"] } };
export const PASSWORD = "bench-password-1";
export const raterEmail = (i: number) => `bench-rater-${i}@example.com`;
export const RESEARCHER_EMAIL = "bench-researcher@example.com";

const NOW = `(now() AT TIME ZONE 'UTC')`;

const STEPS: [string, string][] = [
  ["models", `INSERT INTO "LanguageModel" (id, name) VALUES ('m_a', 'bench-alpha'), ('m_b', 'bench-beta'), ('m_c', 'bench-gamma')`],
  ["users", `INSERT INTO "User" (id, email, role, "passwordHash", pseudonym)
    SELECT 'u' || i, 'bench-rater-' || i || '@example.com', 'RATER'::"Role", $1, 'r_bench' || i FROM generate_series(0, ${BIG.raters - 1}) i
    UNION ALL SELECT 'u_res', '${RESEARCHER_EMAIL}', 'RESEARCHER'::"Role", $1, 'r_bench_res'`],
  ["prompts", `INSERT INTO "Prompt" (id, instruction, input, category, "textHash", "userTurns")
    SELECT 'p' || i, first, '', (ARRAY['writing', 'coding', 'math', 'advice'])[1 + i % 4], md5('p' || i),
           CASE WHEN ${BIG.conversation} THEN ARRAY[first, 'Now say it again for a child of ' || (5 + i % 7) || '.'] ELSE '{}' END
    FROM generate_series(0, ${BIG.pairs - 1}) i,
      LATERAL (SELECT 'Benchmark instruction ' || i || ': explain ' || repeat('the topic in plain words, ', 1 + i % 5) AS first) f`],
  ["outputs", `INSERT INTO "Output" (id, "promptId", "modelId", text, chars, turns)
    SELECT id, "promptId", "modelId", text, length(text), CASE WHEN ${BIG.conversation} THEN ARRAY[first, text] ELSE '{}' END FROM (
      SELECT 'o' || m || i AS id, 'p' || i AS "promptId", 'm_' || m AS "modelId",
             repeat('Answer from model ' || m || ' with some detail. ', 5 + (i * 7) % 40) AS text,
             repeat('First answer from model ' || m || '. ', 3 + (i * 5) % 20) AS first
      FROM generate_series(0, ${BIG.pairs - 1}) i, (VALUES ('a'), ('b'), ('c')) AS t(m) WHERE m <> 'c' OR ${BIG.sampling}) o`],
  ["studies", `INSERT INTO "Study" (id, name, status, "openedAt", "votesPerPair", "leaseSeconds", "inviteToken", "judgedTurns", "adaptiveVotes",
      "pairsPerPrompt", "samplingPrompts", "openedPrompts", "stopLevel")
    VALUES ('${BIG.studyId}', 'Bench: 100k pairs, 1M votes', 'OPEN', ${NOW}, ${BIG.votesPerPair}, 900, 'bench-big-token',
              '${BIG.conversation ? "{1,2}" : "{}"}', ${BIG.adaptive},
              ${BIG.sampling ? 2 : "NULL"}, ${BIG.sampling ? SAMPLED_PROMPTS : 0}, ${BIG.sampling ? OPENED_PROMPTS : 0}, ${BIG.sampling ? SAMPLING_STOP_LEVEL : "NULL"}),
           ('${VOTE.studyId}', 'Bench: vote load', 'OPEN', ${NOW}, 100, 900, 'bench-vote-token', '{}', false, NULL, 0, 0, NULL),
           ('${JUDGED_VOTE.studyId}', 'Bench: vote load, criteria and issues', 'OPEN', ${NOW}, 100, 900, 'bench-judged-token', '{}', false, NULL, 0, 0, NULL)`],
  ["judged study's criteria and issues", `INSERT INTO "StudyCriterion" (id, "studyId", key, label, position)
    VALUES ('c_overall', '${JUDGED_VOTE.studyId}', 'overall', 'Overall', 0), ('c_helpful', '${JUDGED_VOTE.studyId}', 'helpful', 'Helpful', 1),
           ('c_harmless', '${JUDGED_VOTE.studyId}', 'harmless', 'Harmless', 2);
    INSERT INTO "StudyIssue" (id, "studyId", key, label, position)
    VALUES ('i_fact', '${JUDGED_VOTE.studyId}', 'factual-error', 'Factual error', 0), ('i_harm', '${JUDGED_VOTE.studyId}', 'harmful', 'Harmful', 1)`],
  ["study models", `INSERT INTO "StudyModel" ("studyId", "modelId")
    SELECT s, m FROM (VALUES ('${BIG.studyId}'), ('${VOTE.studyId}'), ('${JUDGED_VOTE.studyId}')) a(s), (VALUES ('m_a'), ('m_b')) b(m)
    UNION ALL SELECT '${BIG.studyId}', 'm_c' WHERE ${BIG.sampling}`],
  ["members", `INSERT INTO "StudyMember" ("studyId", "userId")
    SELECT '${BIG.studyId}', 'u' || i FROM generate_series(0, ${BIG.raters - 1}) i
    UNION ALL SELECT '${VOTE.studyId}', 'u' || i FROM generate_series(0, ${VOTE.raters - 1}) i
    UNION ALL SELECT '${JUDGED_VOTE.studyId}', 'u' || i FROM generate_series(0, ${JUDGED_VOTE.raters - 1}) i`],
  // With the result facts the Pair_facts trigger would copy from the outputs and prompt (it is off here too).
  ["pairs", `INSERT INTO "Pair" (id, "studyId", "promptId", "outputAId", "outputBId", turn, "modelAId", "modelBId", "lengthA", "lengthB", category, dataset,
      "sampleRank", inclusion, held)
    SELECT x.id, x."studyId", x."promptId", oa.id, ob.id, x.turn, oa."modelId", ob."modelId",
           "pairwise_judged_chars"(oa.chars, oa.turns, x.turn), "pairwise_judged_chars"(ob.chars, ob.turns, x.turn), pr.category, pr.dataset,
           x.rank, x.inclusion, x.held
    FROM (
      SELECT 'q' || i AS id, '${BIG.studyId}' AS "studyId", 'p' || ${PROMPT_OF} AS "promptId", ${OUTPUT_A_OF} AS a, ${OUTPUT_B_OF} AS b,
             ${TURN_OF} AS turn, CASE WHEN ${BIG.sampling} THEN i / 3 END AS rank,
             CASE WHEN ${BIG.sampling} AND i / 3 < ${OPENED_PROMPTS} THEN 2.0 / 3 END AS inclusion, ${HELD_OF} AS held
      FROM generate_series(0, ${BIG.pairs - 1}) i
      UNION ALL
      SELECT 'vq' || i, '${VOTE.studyId}', 'p' || i, 'oa' || i, 'ob' || i, 0, NULL, NULL, false FROM generate_series(0, ${VOTE.pairs - 1}) i
      UNION ALL
      SELECT 'jq' || i, '${JUDGED_VOTE.studyId}', 'p' || i, 'oa' || i, 'ob' || i, 0, NULL, NULL, false FROM generate_series(0, ${JUDGED_VOTE.pairs - 1}) i
    ) x JOIN "Output" oa ON oa.id = x.a JOIN "Output" ob ON ob.id = x.b JOIN "Prompt" pr ON pr.id = x."promptId"`],
  // One row per vote to come: who, which side was shown left, when, what was chosen (c), and the
  // label as the agreement rule's bit (A = 1, B = 2, tie = 4, both bad = 8).
  ["vote plan (temp)", `CREATE TEMP TABLE g AS
    SELECT *, CASE c WHEN 'TIE' THEN 4 WHEN 'BOTH_BAD' THEN 8 ELSE CASE WHEN (c = 'LEFT') = "leftIsA" THEN 1 ELSE 2 END END AS lab
    FROM (SELECT *, CASE WHEN r < 0.42 THEN 'LEFT' WHEN r < 0.82 THEN 'RIGHT' WHEN r < 0.94 THEN 'TIE' ELSE 'BOTH_BAD' END AS c FROM (
      SELECT i, j, 'u' || ((i * 37 + j) % ${BIG.raters}) AS rater, random() < 0.5 AS "leftIsA",
             ${NOW} - random() * interval '30 days' AS t, random() AS r
      FROM generate_series(0, ${BIG.pairs - 1}) i, generate_series(0, 20) j WHERE j < i % 21 AND NOT ${HELD_OF}) x) y`],
  // The tallies the Vote triggers would keep (they are off under session_replication_role = replica).
  ["tally plan (temp)", `CREATE TEMP TABLE tl AS
    SELECT i, count(*) FILTER (WHERE lab = 1)::int AS n_a, count(*) FILTER (WHERE lab = 2)::int AS n_b,
      count(*) FILTER (WHERE lab = 4)::int AS n_t, count(*) FILTER (WHERE lab = 8)::int AS n_x,
      count(*) FILTER (WHERE c = 'LEFT')::int AS n_l, count(*) FILTER (WHERE c = 'RIGHT')::int AS n_r
    FROM g GROUP BY i`],
  ["assignments", `INSERT INTO "Assignment" (id, "studyId", "pairId", "raterId", "leftIsA", "servedAt", "expiresAt", "completedAt")
    SELECT 'x' || lpad(i::text, 6, '0') || '_' || j, '${BIG.studyId}', 'q' || i, rater, "leftIsA", t, t + interval '15 minutes', t + interval '20 seconds' FROM g`],
  ["votes", `INSERT INTO "Vote" (id, "assignmentId", "studyId", "pairId", "raterId", choice, "winnerOutputId", "msTaken", "createdAt")
    SELECT 'v' || i || '_' || j, 'x' || lpad(i::text, 6, '0') || '_' || j, '${BIG.studyId}', 'q' || i, rater, c::"Choice",
           CASE lab WHEN 1 THEN ${OUTPUT_A_OF} WHEN 2 THEN ${OUTPUT_B_OF} END,
           3000 + (r * 57000)::int, t + interval '20 seconds'
    FROM g JOIN tl USING (i)`],
  ["tallies", `UPDATE "Pair" p SET "voteCount" = n_a + n_b + n_t + n_x, "winsA" = n_a, "winsB" = n_b, ties = n_t,
      "bothBad" = n_x, "leftWins" = n_l, "rightWins" = n_r
    FROM tl WHERE p.id = 'q' || tl.i`],
  // What the Vote trigger keeps in an adaptive study (it is off here): a pair whose majority is settled.
  ["decided pairs", `UPDATE "Pair" SET decided = true WHERE "studyId" = '${BIG.studyId}' AND ${BIG.adaptive}
    AND "pairwise_majority_decided"("winsA", "winsB", ties + "bothBad", ${BIG.votesPerPair})`],
  ["member tallies", `UPDATE "StudyMember" m SET votes = d.n
    FROM (SELECT "studyId", "raterId", count(*)::int AS n FROM "Vote" WHERE "studyId" = '${BIG.studyId}' GROUP BY 1, 2) d
    WHERE m."studyId" = d."studyId" AND m."userId" = d."raterId"`],
  ["hour tallies", `INSERT INTO "VoteHour" ("studyId", hour, shard, votes)
    SELECT "studyId", date_trunc('hour', "createdAt"), "pairwise_vote_shard"("raterId"), count(*)::int
    FROM "Vote" WHERE "studyId" = '${BIG.studyId}' GROUP BY 1, 2, 3`],
  // Vote study (ids must pass the vote schema: base64url, 8+ chars): rater k % 64 on pair (k / 64 + 5 * rater) % 300, so concurrent requests mostly hit different pairs.
  ["vote-study assignments", `INSERT INTO "Assignment" (id, "studyId", "pairId", "raterId", "leftIsA", "servedAt", "expiresAt")
    SELECT 'va' || lpad(k::text, 8, '0') || substr(md5(k::text), 1, 12), '${VOTE.studyId}', 'vq' || ((k / ${VOTE.raters} + 5 * (k % ${VOTE.raters})) % ${VOTE.pairs}),
           'u' || (k % ${VOTE.raters}), k % 2 = 0, ${NOW} - interval '10 seconds', ${NOW} + interval '1 hour'
    FROM generate_series(0, ${VOTE.raters * VOTE.pairs - 1}) k`],
  ["judged vote-study assignments", `INSERT INTO "Assignment" (id, "studyId", "pairId", "raterId", "leftIsA", "servedAt", "expiresAt")
    SELECT 'ja' || lpad(k::text, 8, '0') || substr(md5(k::text), 1, 12), '${JUDGED_VOTE.studyId}', 'jq' || ((k / ${JUDGED_VOTE.raters} + 5 * (k % ${JUDGED_VOTE.raters})) % ${JUDGED_VOTE.pairs}),
           'u' || (k % ${JUDGED_VOTE.raters}), k % 2 = 0, ${NOW} - interval '10 seconds', ${NOW} + interval '1 hour'
    FROM generate_series(0, ${JUDGED_VOTE.raters * JUDGED_VOTE.pairs - 1}) k`],
];

export type SeedTiming = { step: string; seconds: number };

/**
 * Fills a freshly migrated database. Foreign-key triggers are skipped (session_replication_role =
 * replica): every key is generated consistent by construction, and CHECK constraints still apply.
 */
export async function seedBig(url: string, passwordHash: string, log: (s: string) => void): Promise<SeedTiming[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const timings: SeedTiming[] = [];
  try {
    await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB'");
    // Superuser only; without it the foreign keys are checked row by row (slower, same data).
    await client.query("SET session_replication_role = replica").catch(() => log("  (not superuser: foreign-key checks stay on)"));
    for (const [step, sql] of STEPS) {
      const start = performance.now();
      await client.query(sql, sql.includes("$1") ? [passwordHash] : []);
      timings.push({ step, seconds: (performance.now() - start) / 1000 });
      log(`  ${step}: ${timings.at(-1)!.seconds.toFixed(1)} s`);
    }
    // Until the WAL of the asynchronous commits above is flushed, VACUUM cannot mark pages all-visible
    // (so index-only scans would still visit the heap): one synchronous commit flushes it all.
    await client.query("SET synchronous_commit = on; SELECT txid_current()");
    const start = performance.now();
    await client.query(`VACUUM (ANALYZE) "Pair", "Assignment", "Vote", "Prompt", "Output", "User", "StudyMember"`);
    timings.push({ step: "vacuum analyze", seconds: (performance.now() - start) / 1000 });
    log(`  vacuum analyze: ${timings.at(-1)!.seconds.toFixed(1)} s`);
  } finally {
    await client.end();
  }
  return timings;
}

/** Pre-created assignments of a vote study in queue order, each with its rater's index. */
export async function voteQueue(url: string, study: typeof VOTE = VOTE): Promise<{ assignmentId: string; rater: number }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "Assignment" WHERE "studyId" = $1 ORDER BY id`, [study.studyId]);
    return rows.map((r) => {
      const k = Number(r.id.slice(2, 10));
      return { assignmentId: r.id, rater: k % study.raters };
    });
  } finally {
    await client.end();
  }
}
