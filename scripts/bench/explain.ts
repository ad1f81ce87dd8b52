// EXPLAIN (ANALYZE, BUFFERS) of the assignment pick, the rater progress and the results queries on
// the 1M-vote study, built by the app's own SQL builders (lib/data), so the plans are of what runs.
// Full plans go to bench-results/explain-<time>.txt.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { pickPairSql } from "@/lib/data/assignments";
import { pairCountsSql } from "@/lib/data/results/pair-counts";
import { promptPageSql } from "@/lib/data/results/prompt-list";
import { raterAgreementSql, raterStatsSql } from "@/lib/data/results/rater-stats";
import { votesPerHourSql } from "@/lib/data/results/votes-over-time";
import { studyVotesSql } from "@/lib/data/study-access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BIG } from "./seed-big";

const scope = { studyId: BIG.studyId, excludeRaterIds: [] };
const excluding = { studyId: BIG.studyId, excludeRaterIds: ["u1", "u2"] };
const pick = (window: number | null) =>
  pickPairSql({ studyId: BIG.studyId, raterId: "u500", votesPerPair: BIG.votesPerPair, window, gold: false, skipLocked: true });

export const QUERIES: Record<string, Prisma.Sql> = {
  "next: pick (window 50)": pick(50),
  "next: pick (wide window 500)": pick(500),
  "next: pick (fallback, no window)": pick(null),
  "next: study progress (shared 2 s per process)": studyVotesSql(BIG.studyId),
  "results: pair counts and orders (from tallies)": pairCountsSql(scope),
  "results: pairCounts, 2 raters excluded": pairCountsSql(excluding),
  "results: raterStats": raterStatsSql(scope, false),
  "results: raterAgreement": raterAgreementSql(scope),
  "results: votesPerHour": votesPerHourSql(scope, false),
  "results: prompt list (page 1)": promptPageSql(scope, { page: 1, pageSize: 25 }),
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
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values as unknown[]);
      await client.query("ROLLBACK");
      const lines = rows.map((r) => r["QUERY PLAN"]);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join("\n"))?.[1] ?? NaN);
      out.push({ query, ms, top: lines.slice(0, 4).map((l) => l.slice(0, 150)) });
      full.push(`=== ${query} (${ms} ms)\n${sql.text.trim()}\n${JSON.stringify(sql.values)}\n\n${lines.join("\n")}\n`);
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
