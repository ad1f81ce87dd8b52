// EXPLAIN (ANALYZE, BUFFERS) of the assignment pick, the rater progress and the results queries on
// the 1M-vote study, built by the app's own SQL builders (lib/data), so the plans are of what runs.
// Full plans go to bench-results/explain-<time>.txt.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { pairAggregatesSql } from "@/lib/data/results/pair-counts";
import { talliedPairs } from "@/lib/data/results/scope";
import { promptPageSql } from "@/lib/data/results/prompt-list";
import { raterMediansSql, raterStatsSql } from "@/lib/data/results/rater-stats";
import { votesPerHourSql } from "@/lib/data/results/votes-over-time";
import { studyVotesSql } from "@/lib/data/study-access";
import { END, END_OPEN_PAIRS } from "./capacity-end-study";
import { BIG } from "./seed-big";

const scope = { studyId: BIG.studyId, excludeRaterIds: [] };
const excluding = { studyId: BIG.studyId, excludeRaterIds: ["u1", "u2"] };
// The lease function's inner statements, planned as they run inside it (auto_explain, nested).
const lease = (studyId: string, rater: string, window = 50, wide = 500) => ({
  text: `SELECT outcome, "assignmentId" FROM "pairwise_next_lease"($1, $2, 1, $3, $4, 6, 'explain-lease-' || $2, true)`,
  values: [studyId, rater, window, wide],
});
// The nearly complete study with every open pair held by another rater's lease (in the same rolled-back
// transaction): the request of a rater who must wait. The first such request reads every open pair and
// notes that none has room; the next answers from that note.
const holdEveryOpenPair = `SELECT count(*) FROM generate_series(0, ${END_OPEN_PAIRS - 1}) i,
  LATERAL "pairwise_next_lease"('${END.studyId}', 'u' || i, 1, 50, 500, 6, 'explain-hold-' || i, true)`;

// One more member than there are open pairs: the researcher account, who holds nothing.
const joinEndStudy = `INSERT INTO "StudyMember" ("studyId", "userId") VALUES ('${END.studyId}', 'u_res')`;

type Query = { text: string; values: readonly unknown[]; setup?: string[] };
export const QUERIES: Record<string, Query> = {
  "next: lease (window 50)": lease(BIG.studyId, "u500"),
  "next: lease (windows of 0: the fallback over all pairs)": lease(BIG.studyId, "u500", 0, 0),
  [`next, end of a study (${END_OPEN_PAIRS.toLocaleString("en")} of ${BIG.pairs.toLocaleString("en")} pairs open): a lease`]: lease(END.studyId, "u500"),
  "next, end of a study, every open pair held: the first waiting rater (reads every open pair)": {
    ...lease(END.studyId, "u_res"), setup: [joinEndStudy, holdEveryOpenPair],
  },
  "next, end of a study, every open pair held: the next waiting rater (from the note)": {
    ...lease(END.studyId, "u_res"), setup: [joinEndStudy, holdEveryOpenPair, `SELECT "pairwise_next_lease"('${END.studyId}', 'u_res', 1, 50, 500, 6, 'explain-first-wait', true)`],
  },
  "next: study progress (shared 2 s per process)": studyVotesSql(BIG.studyId),
  "results: pair aggregates (grouping sets over the pairs' tallies)": pairAggregatesSql(talliedPairs(scope)),
  "results: pair aggregates, 2 raters excluded": pairAggregatesSql(talliedPairs(excluding)),
  "results: raterStats": raterStatsSql(scope),
  "results: rater medians (in parallel with raterStats)": raterMediansSql(scope, false),
  "results: raterStats, 2 raters excluded": raterStatsSql(excluding),
  "results: votesPerHour (from the hour tallies)": votesPerHourSql(scope, false),
  "results: votesPerHour, 2 raters excluded": votesPerHourSql(excluding, false),
  "results: prompt list (page 1)": promptPageSql(scope, { page: 1, pageSize: 25 }),
};

export type Explained = { query: string; ms: number; top: string[] };

/** Runs every query under EXPLAIN ANALYZE in a rolled-back transaction (the lease writes and takes row locks). */
export async function explainAll(url: string): Promise<Explained[]> {
  const client = new pg.Client({ connectionString: url, options: "-c jit=off" });
  await client.connect();
  const out: Explained[] = [];
  const full: string[] = [];
  // Plans of the statements inside the lease function come from auto_explain (superuser only).
  const nested: string[] = [];
  client.on("notice", (n) => nested.push(n.message ?? ""));
  const canNest = await client.query("LOAD 'auto_explain'").then(() => true, () => false);
  try {
    for (const [query, sql] of Object.entries(QUERIES)) {
      const inner = canNest && query.startsWith("next: lease");
      if (inner) {
        await client.query(`SET auto_explain.log_min_duration = 0; SET auto_explain.log_analyze = on; SET auto_explain.log_buffers = on;
          SET auto_explain.log_nested_statements = on; SET client_min_messages = log`);
      }
      nested.length = 0;
      await client.query("BEGIN");
      for (const setup of sql.setup ?? []) await client.query(setup);
      nested.length = 0;
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, [...sql.values]);
      await client.query("ROLLBACK");
      if (inner) await client.query("SET auto_explain.log_min_duration = -1; SET client_min_messages = notice");
      const lines = rows.map((r) => r["QUERY PLAN"]);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join("\n"))?.[1] ?? NaN);
      // For the function: one line per statement it ran (time, first words), else the plan's top.
      const statements = nested.map((n) => {
        const head = /duration: ([\d.]+) ms[\s\S]*?Query Text: ([\s\S]*?)\n/.exec(n);
        return head ? `${head[1]!.padStart(8)} ms  ${head[2]!.trim().replace(/\s+/g, " ").slice(0, 110)}` : "";
      }).filter((l) => l && !l.includes("FOR KEY SHARE"));
      out.push({ query, ms, top: (statements.length ? statements : lines.slice(0, 4)).map((l) => l.slice(0, 150)) });
      full.push(`=== ${query} (${ms} ms)\n${sql.text.trim()}\n${JSON.stringify(sql.values)}\n\n${lines.join("\n")}\n${nested.join("\n\n")}\n`);
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
