// EXPLAIN (ANALYZE, BUFFERS) of the assignment pick and the main results aggregates on the 1M-vote
// study. The SQL mirrors lib/data/assignments.ts and lib/data/results/* with literal parameters;
// keep them in step when those change. Full plans go to bench-results/explain-<time>.txt.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { BIG } from "./seed-big";

const NOW = `(now() AT TIME ZONE 'UTC')`;
const S = `'${BIG.studyId}'`;

const pick = (window: string) => `
  WITH win AS (
    SELECT c.id FROM "Pair" c
    WHERE c."studyId" = ${S} AND NOT c.excluded AND c."voteCount" < ${BIG.votesPerPair}
      AND NOT EXISTS (SELECT 1 FROM "Assignment" mine WHERE mine."studyId" = ${S} AND mine."raterId" = 'u500' AND mine."pairId" = c.id)
    ORDER BY c."voteCount" ${window}
  )
  SELECT pr.id FROM "Pair" pr JOIN win ON win.id = pr.id
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS n FROM "Assignment" l
    WHERE l."pairId" = pr.id AND l."expiresAt" > ${NOW} AND l."completedAt" IS NULL AND l."flaggedAt" IS NULL
  ) live
  WHERE pr."voteCount" + live.n < ${BIG.votesPerPair}
  ORDER BY pr."voteCount" + live.n, random() LIMIT 1
  FOR NO KEY UPDATE OF pr SKIP LOCKED`;

export const QUERIES: Record<string, string> = {
  "next: pick (window 50)": pick("LIMIT 50"),
  "next: pick (fallback, no window)": pick(""),
  "next: rater progress": `
    SELECT (SELECT count(*)::int FROM "Vote" v WHERE v."raterId" = 'u500' AND v."studyId" = s.id) AS "judgedByYou",
      coalesce(sum(least(p."voteCount", s."votesPerPair")), 0)::int AS "studyVotes", (count(p.id) * s."votesPerPair")::int AS wanted
    FROM "Study" s LEFT JOIN "Pair" p ON p."studyId" = s.id AND NOT p.excluded WHERE s.id = ${S} GROUP BY s.id, s."votesPerPair"`,
  "results: pairCounts": `
    WITH c AS (
      SELECT v."pairId", count(*) FILTER (WHERE v."winnerOutputId" = p."outputAId")::int AS "winsA",
        count(*) FILTER (WHERE v."winnerOutputId" = p."outputBId")::int AS "winsB", count(*) FILTER (WHERE v.choice = 'TIE')::int AS ties,
        count(*) FILTER (WHERE v.choice = 'BOTH_BAD')::int AS "bothBad", count(*) FILTER (WHERE v.choice = 'LEFT')::int AS "leftWins",
        count(*) FILTER (WHERE v.choice = 'RIGHT')::int AS "rightWins"
      FROM "Vote" v JOIN "Pair" p ON p.id = v."pairId"
      WHERE v."studyId" = ${S} AND NOT p.excluded AND p."goldOutputId" IS NULL GROUP BY v."pairId")
    SELECT p.id, p."promptId", pr.category, pr.dataset, ma.name, mb.name, length(oa.text)::int, length(ob.text)::int, c.*
    FROM c JOIN "Pair" p ON p.id = c."pairId" JOIN "Prompt" pr ON pr.id = p."promptId"
    JOIN "Output" oa ON oa.id = p."outputAId" JOIN "Output" ob ON ob.id = p."outputBId"
    JOIN "LanguageModel" ma ON ma.id = oa."modelId" JOIN "LanguageModel" mb ON mb.id = ob."modelId" ORDER BY p.id`,
  "results: raterStats": `
    WITH f AS (SELECT a."raterId", count(*)::int AS flagged FROM "Assignment" a WHERE a."studyId" = ${S} AND a."flaggedAt" IS NOT NULL GROUP BY a."raterId"),
    r AS (
      SELECT v."raterId", count(*)::int AS votes, count(*) FILTER (WHERE v.choice = 'LEFT')::int AS "left",
        count(*) FILTER (WHERE v."tooFast")::int AS "tooFast", percentile_cont(0.5) WITHIN GROUP (ORDER BY v."msTaken") AS "medianMs",
        count(*) FILTER (WHERE p."goldOutputId" IS NOT NULL AND v."winnerOutputId" = p."goldOutputId")::int AS "goldCorrect"
      FROM "Vote" v JOIN "Pair" p ON p.id = v."pairId" WHERE v."studyId" = ${S} AND NOT p.excluded GROUP BY v."raterId")
    SELECT r.*, u.pseudonym, COALESCE(f.flagged, 0) FROM r JOIN "User" u ON u.id = r."raterId" LEFT JOIN f ON f."raterId" = r."raterId" ORDER BY u.pseudonym`,
  "results: raterAgreement": `
    WITH v AS (
      SELECT v."raterId", v."pairId", CASE WHEN v.choice = 'TIE' THEN 'T' WHEN v.choice = 'BOTH_BAD' THEN 'X'
        WHEN v."winnerOutputId" = p."outputAId" THEN 'A' ELSE 'B' END AS label
      FROM "Vote" v JOIN "Pair" p ON p.id = v."pairId" WHERE v."studyId" = ${S} AND NOT p.excluded AND p."goldOutputId" IS NULL),
    c AS (SELECT "pairId", count(*) FILTER (WHERE label = 'A')::int AS a, count(*) FILTER (WHERE label = 'B')::int AS b,
      count(*) FILTER (WHERE label = 'T')::int AS t, count(*) FILTER (WHERE label = 'X')::int AS x FROM v GROUP BY "pairId"),
    o AS (SELECT v."raterId", v.label, c.a - (v.label = 'A')::int AS a, c.b - (v.label = 'B')::int AS b,
      c.t - (v.label = 'T')::int AS t, c.x - (v.label = 'X')::int AS x FROM v JOIN c ON c."pairId" = v."pairId"),
    m AS (SELECT "raterId", label, a, b, t, x, GREATEST(a, b, t, x) AS top FROM o),
    p AS (SELECT "raterId", label, CASE WHEN top = 0 OR (a = top)::int + (b = top)::int + (t = top)::int + (x = top)::int > 1 THEN NULL
      WHEN a = top THEN 'A' WHEN b = top THEN 'B' WHEN t = top THEN 'T' ELSE 'X' END AS plurality FROM m)
    SELECT "raterId", count(*) FILTER (WHERE plurality = label)::int, count(plurality)::int FROM p GROUP BY "raterId"`,
  "results: votesPerHour": `
    SELECT date_trunc('hour', v."createdAt") AS hour, count(*)::int FROM "Vote" v JOIN "Pair" p ON p.id = v."pairId"
    WHERE v."studyId" = ${S} AND NOT p.excluded GROUP BY 1 ORDER BY 1`,
  "results: prompt list (page 1)": `
    WITH c AS MATERIALIZED (
      SELECT p.id AS "pairId", p."promptId", p."outputAId", p."outputBId", p."goldOutputId", p."createdAt",
        count(v.id) FILTER (WHERE v."winnerOutputId" = p."outputAId")::int AS "winsA", count(v.id) FILTER (WHERE v."winnerOutputId" = p."outputBId")::int AS "winsB",
        count(v.id) FILTER (WHERE v.choice = 'TIE')::int AS ties, count(v.id) FILTER (WHERE v.choice = 'BOTH_BAD')::int AS "bothBad"
      FROM "Pair" p LEFT JOIN "Vote" v ON v."pairId" = p.id WHERE p."studyId" = ${S} AND NOT p.excluded GROUP BY p.id),
    rows AS (SELECT c.*, left(pr.instruction, 300) AS instruction, ma.name AS "modelA", mb.name AS "modelB"
      FROM c JOIN "Prompt" pr ON pr.id = c."promptId" JOIN "Output" oa ON oa.id = c."outputAId" JOIN "Output" ob ON ob.id = c."outputBId"
      JOIN "LanguageModel" ma ON ma.id = oa."modelId" JOIN "LanguageModel" mb ON mb.id = ob."modelId")
    SELECT *, count(*) OVER ()::int AS total FROM rows ORDER BY "createdAt", "pairId" LIMIT 25`,
};

export type Explained = { query: string; ms: number; top: string[] };

/** Runs every query under EXPLAIN ANALYZE in a rolled-back transaction (the pick takes row locks). */
export async function explainAll(url: string): Promise<Explained[]> {
  const client = new pg.Client({ connectionString: url, options: "-c jit=off" });
  await client.connect();
  const out: Explained[] = [];
  const full: string[] = [];
  try {
    for (const [query, sql] of Object.entries(QUERIES)) {
      await client.query("BEGIN");
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
      await client.query("ROLLBACK");
      const lines = rows.map((r) => r["QUERY PLAN"]);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join("\n"))?.[1] ?? NaN);
      out.push({ query, ms, top: lines.slice(0, 4).map((l) => l.slice(0, 150)) });
      full.push(`=== ${query} (${ms} ms)\n${sql.trim()}\n\n${lines.join("\n")}\n`);
    }
  } finally {
    await client.end();
  }
  mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `explain-${new Date().toISOString().replace(/[:.]/g, "-")}.txt`);
  writeFileSync(file, full.join("\n"));
  console.log(`full plans: ${file}`);
  return out;
}
