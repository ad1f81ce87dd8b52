// A study at its end for the capacity run's last phase (issue 19, target 3): as many pairs as the big
// study, on the same prompts and outputs, one vote per pair wanted, and all but a few pairs voted.
// Written in SQL like seed-big.ts (triggers off), with votes, assignments and tallies consistent.
import pg from "pg";
import { BIG } from "./seed-big";

export const END = { studyId: "s_end" };
/** Open pairs left in it, unless BENCH_CAPACITY_END_PAIRS says otherwise (the EXPLAIN part uses this one). */
export const END_OPEN_PAIRS = 1_000;
const NOW = `(now() AT TIME ZONE 'UTC')`;

// $1: every how many-th pair stays open (pairs / open pairs): the open ones are spread over the table.
// With sampling (BENCH_SAMPLING=1) the study samples model pairs as the big one does, and its end is
// prompts still to open: the last opened block's drawn pairs are open (as opening ahead leaves them),
// every earlier opened prompt's drawn pairs voted, and the last blocks of prompts not opened yet, so
// the phase runs through several openings (pair-opening.ts).
const BIG_PAIR = "substr(p.id, 2)::int";
const UNOPENED_BLOCKS = 5;
const OPENED = `(p."sampleRank" < s."openedPrompts")`;
const VOTED_PROMPT = `(p."sampleRank" < s."openedPrompts" - ceil(s."samplingPrompts" / 50.0)::int)`;
// The big study's draw (seed-big.ts HELD_OF): a fixed third of each opened prompt's pairs left out.
const DRAWN = `((${BIG_PAIR} * 7919 + 13) % 3 <> 0)`;
const CLOSED = BIG.sampling ? `(${VOTED_PROMPT} AND ${DRAWN})` : `(${BIG_PAIR} % $1::int <> 0)`;

const STEPS: [string, string][] = [
  ["study", `INSERT INTO "Study" (id, name, status, "openedAt", "votesPerPair", "leaseSeconds", "inviteToken", "judgedTurns",
      "adaptiveVotes", "pairsPerPrompt", "pairSamplingRule", "samplingPrompts", "stopLevel", "openedPrompts")
    SELECT '${END.studyId}', 'Bench: nearly complete', 'OPEN', ${NOW} - interval '1 day', 1, 900, 'bench-end-token', "judgedTurns",
      "adaptiveVotes", "pairsPerPrompt", "pairSamplingRule", "samplingPrompts", "stopLevel",
      greatest(0, "samplingPrompts" - ${UNOPENED_BLOCKS} * ceil("samplingPrompts" / 50.0)::int)
    FROM "Study" WHERE id = '${BIG.studyId}'`],
  ["study models", `INSERT INTO "StudyModel" ("studyId", "modelId") SELECT '${END.studyId}', "modelId" FROM "StudyModel" WHERE "studyId" = '${BIG.studyId}'`],
  ["pairs", `INSERT INTO "Pair" (id, "studyId", "promptId", "outputAId", "outputBId", turn, "modelAId", "modelBId", "lengthA", "lengthB",
      category, dataset, "voteCount", "winsA", "leftWins", "sampleRank", inclusion, held)
    SELECT 'e' || p.id, '${END.studyId}', p."promptId", p."outputAId", p."outputBId", p.turn, p."modelAId", p."modelBId", p."lengthA", p."lengthB",
      p.category, p.dataset, c, c, c, p."sampleRank",
      CASE WHEN ${BIG.sampling} AND ${OPENED} THEN 2.0 / 3 END, ${BIG.sampling} AND NOT (${OPENED} AND ${DRAWN})
    FROM "Pair" p JOIN "Study" s ON s.id = '${END.studyId}', LATERAL (SELECT CASE WHEN ${CLOSED} THEN 1 ELSE 0 END AS c) x
    WHERE p."studyId" = '${BIG.studyId}'`],
  ["members", `INSERT INTO "StudyMember" ("studyId", "userId", votes)
    SELECT '${END.studyId}', 'u' || r, 0 FROM generate_series(0, ${BIG.raters - 1}) r`],
  // Each closed pair's one vote: rater i % raters, A shown left and chosen.
  ["assignments", `INSERT INTO "Assignment" (id, "studyId", "pairId", "raterId", "leftIsA", "servedAt", "expiresAt", "completedAt")
    SELECT 'x' || p.id, p."studyId", p.id, 'u' || (substr(p.id, 3)::int % ${BIG.raters}), true,
      ${NOW} - interval '1 hour', ${NOW} - interval '45 minutes', ${NOW} - interval '1 hour' + interval '20 seconds'
    FROM "Pair" p WHERE p."studyId" = '${END.studyId}' AND p."voteCount" = 1`],
  ["votes", `INSERT INTO "Vote" (id, "assignmentId", "studyId", "pairId", "raterId", choice, "winnerOutputId", "msTaken", "createdAt")
    SELECT 'v' || a.id, a.id, a."studyId", a."pairId", a."raterId", 'LEFT', p."outputAId", 20000, a."completedAt"
    FROM "Assignment" a JOIN "Pair" p ON p.id = a."pairId" WHERE a."studyId" = '${END.studyId}'`],
  ["member tallies", `UPDATE "StudyMember" m SET votes = d.n
    FROM (SELECT "raterId", count(*)::int AS n FROM "Vote" WHERE "studyId" = '${END.studyId}' GROUP BY 1) d
    WHERE m."studyId" = '${END.studyId}' AND m."userId" = d."raterId"`],
  ["hour tallies", `INSERT INTO "VoteHour" ("studyId", hour, shard, votes)
    SELECT "studyId", date_trunc('hour', "createdAt"), "pairwise_vote_shard"("raterId"), count(*)::int
    FROM "Vote" WHERE "studyId" = '${END.studyId}' GROUP BY 1, 2, 3`],
];

/**
 * Seeds the nearly complete study with `openPairs` pairs left (of BIG.pairs), unless it exists (the
 * EXPLAIN part seeds it first; it changes nothing in it); returns how many are open.
 */
export async function seedEndStudy(url: string, openPairs: number): Promise<number> {
  const stride = Math.max(1, Math.floor(BIG.pairs / openPairs));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query(`SELECT 1 FROM "Study" WHERE id = $1`, [END.studyId]);
    if (exists.rowCount) return await openCount(client);
    await client.query("SET synchronous_commit = off; SET work_mem = '64MB'");
    await client.query("SET session_replication_role = replica").catch(() => {});
    await client.query("BEGIN");
    for (const [, sql] of STEPS) await client.query(sql, sql.includes("$1") ? [stride] : []);
    await client.query("COMMIT");
    await client.query("SET synchronous_commit = on; SELECT txid_current()");
    await client.query(`VACUUM (ANALYZE) "Pair", "Assignment", "Vote", "StudyMember"`);
    return await openCount(client);
  } finally {
    await client.end();
  }
}

/** Pairs without their vote that raters can get: open ones, or (sampling) those of prompts not opened yet (2 in 3 will be drawn). */
async function openCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM "Pair" WHERE "studyId" = $1 AND "voteCount" = 0 AND (NOT held OR inclusion IS NULL)`, [END.studyId]);
  return Number(rows[0]!.n);
}
