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
const CLOSED = `(substr(p.id, 2)::int % $1::int <> 0)`;

const STEPS: [string, string][] = [
  ["study", `INSERT INTO "Study" (id, name, status, "openedAt", "votesPerPair", "leaseSeconds", "inviteToken", "judgedTurns")
    SELECT '${END.studyId}', 'Bench: nearly complete', 'OPEN', ${NOW} - interval '1 day', 1, 900, 'bench-end-token', "judgedTurns"
    FROM "Study" WHERE id = '${BIG.studyId}'`],
  ["study models", `INSERT INTO "StudyModel" ("studyId", "modelId") VALUES ('${END.studyId}', 'm_a'), ('${END.studyId}', 'm_b')`],
  ["pairs", `INSERT INTO "Pair" (id, "studyId", "promptId", "outputAId", "outputBId", turn, "modelAId", "modelBId", "lengthA", "lengthB",
      category, dataset, "voteCount", "winsA", "leftWins")
    SELECT 'e' || p.id, '${END.studyId}', p."promptId", p."outputAId", p."outputBId", p.turn, p."modelAId", p."modelBId", p."lengthA", p."lengthB",
      p.category, p.dataset, c, c, c
    FROM "Pair" p, LATERAL (SELECT CASE WHEN ${CLOSED} THEN 1 ELSE 0 END AS c) x WHERE p."studyId" = '${BIG.studyId}'`],
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

async function openCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM "Pair" WHERE "studyId" = $1 AND "voteCount" = 0`, [END.studyId]);
  return Number(rows[0]!.n);
}
