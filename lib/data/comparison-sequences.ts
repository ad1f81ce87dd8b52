// The anytime intervals a study that samples model pairs decides on (its stop, and which comparisons its
// next prompts leave at the floor), kept per process over the closed prompts already read, so that each
// evaluation reads only the prompts from each comparison's first open one on. Prompts open in rank order
// a block at a time and close soon after, so that tail is about the blocks still being voted, where every
// pair's mark was read each time (the stop checks every 10 s): at the end of a sampling study with a
// stopping rule and 1,000 raters, vote p99 226 / 167 ms without, 72 / 48 ms with (docs/benchmarks.md, target 3).
//
// Exact while no closed prompt's mark changed since it was read: the database bumps Study.marksEpoch on
// every change that could (prisma/sql/marks-epoch.sql), the epoch is read in the same statement as the
// prompts, and a new epoch reads them all again. Each comparison has one pair per prompt (one output per
// model and prompt; sampling judges whole answers), so a prompt's rank is its place in the sequence.
import "server-only";
import { bulkRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addPrompt, createPairSequence, type PairSequence } from "@/lib/stats/pair-sequence";
import { prefixDraws } from "@/lib/stats/anytime-win-rate";
import { csInterval } from "@/lib/stats/confidence-sequence";
import type { Interval } from "@/lib/stats/tally";
import { intervalExcludes } from "@/lib/stats/wilson";
import { markSql } from "./results/prompt-marks";
import { talliedPairs } from "./results/scope";

/** A model pair's anytime interval, keyed `${modelAId}|${modelBId}` with model A the LEAST id (as promptMarks groups). */
export type PairInterval = { key: string; interval: Interval; decided: boolean };

type Comparison = { sequence: PairSequence; nextRank: number };
type Kept = { epoch: number; level: number; alpha: number; comparisons: Map<string, Comparison> };

const kept = new Map<string, Kept>();

type TailRow = { epoch: number; key: string | null; ranks: number[] | null; marks: string | null; inclusions: (number | null)[] | null };

/**
 * The marks from `fromRank` on (from the first prompt when the study's epoch is no longer `epoch`), per
 * comparison, with the study's current epoch: one statement, so the epoch and the marks are one snapshot.
 */
async function readTail(studyId: string, votesPerPair: number, epoch: number, fromRank: number): Promise<TailRow[]> {
  const scope = { studyId, excludeRaterIds: [], source: "primary" as const };
  const rows = await bulkRows(Prisma.sql`
    SELECT s."marksEpoch", g.key, g.ranks, g.marks, g.inclusions
    FROM "Study" s
    LEFT JOIN LATERAL (
      SELECT LEAST(src."modelAId", src."modelBId") || '|' || GREATEST(src."modelAId", src."modelBId") AS key,
        array_agg(src."sampleRank" ORDER BY src."sampleRank") AS ranks,
        string_agg(${markSql({ votesPerPair, sampling: true })}, '' ORDER BY src."sampleRank") AS marks,
        array_agg(src.inclusion ORDER BY src."sampleRank") AS inclusions
      FROM ${talliedPairs(scope)} src
      WHERE NOT src.excluded AND src."goldOutputId" IS NULL
        AND src."sampleRank" >= CASE WHEN s."marksEpoch" = ${epoch} THEN ${fromRank}::int ELSE 0 END
      GROUP BY 1
    ) g ON true
    WHERE s.id = ${studyId}`, "primary");
  return rows.map((r) => {
    const [rowEpoch, key, ranks, marks, inclusions] = r as [number, string | null, number[] | null, string | null, (number | null)[] | null];
    return { epoch: rowEpoch, key, ranks, marks, inclusions };
  });
}

/** Reads the comparison's prompts from its next rank on, up to its first open one, as the full reading does (mutates `c`). */
function advance(c: Comparison, ranks: readonly number[], marks: string, inclusions: readonly (number | null)[]): void {
  ranks.forEach((rank, i) => {
    if (i > 0 && rank <= ranks[i - 1]!) throw new RangeError(`two prompts of one comparison at rank ${rank}`);
  });
  const from = ranks.findIndex((rank) => rank >= c.nextRank);
  if (from < 0) return;
  const { draws, waiting } = prefixDraws(marks.slice(from), inclusions.slice(from));
  for (const draw of draws) addPrompt(c.sequence, draw);
  const end = ranks.length - waiting; // the first open prompt's index, or the length
  if (end > from) c.nextRank = ranks[end - 1]! + 1;
}

const copy = (c: Comparison): Comparison => ({ sequence: { ...c.sequence, cs: { ...c.sequence.cs } }, nextRank: c.nextRank });

/**
 * Every model pair's anytime interval in a study that samples model pairs, at `level` split over its model
 * pairs (Bonferroni), read on the primary with no rater left out: the same intervals as `anytimeWinRate`
 * over `promptMarks` (tests/comparison-sequences.int.test.ts holds them equal). Empty for no such study.
 */
export async function sampledPairIntervals(studyId: string, votesPerPair: number, level: number): Promise<PairInterval[]> {
  const before = kept.get(studyId);
  const usable = before && before.level === level && before.comparisons.size > 0 ? before : undefined;
  const fromRank = usable ? Math.min(...[...usable.comparisons.values()].map((c) => c.nextRank)) : 0;
  const rows = await readTail(studyId, votesPerPair, usable?.epoch ?? -1, fromRank);
  const epoch = rows[0]?.epoch;
  if (epoch === undefined) return [];
  // A new epoch (or nothing kept): the statement read every prompt, and every comparison starts afresh.
  const resumed = usable !== undefined && usable.epoch === epoch;
  const tails = rows.filter((r): r is TailRow & { key: string; ranks: number[]; marks: string; inclusions: (number | null)[] } => r.key !== null);
  const keys = resumed ? usable.comparisons.keys() : tails.map((t) => t.key);
  const alpha = resumed ? usable.alpha : level / Math.max(1, tails.length);
  const comparisons = new Map<string, Comparison>();
  for (const key of keys) {
    const earlier = resumed ? usable.comparisons.get(key) : undefined;
    comparisons.set(key, earlier ? copy(earlier) : { sequence: createPairSequence({ alpha }), nextRank: 0 });
  }
  for (const t of tails) {
    const c = comparisons.get(t.key);
    // Pairs are created with their study: a comparison not read at the epoch's start has none.
    if (c) advance(c, t.ranks, t.marks, t.inclusions);
  }
  // Concurrent evaluations each start from what they found; the last to finish keeps its reading.
  if (kept.get(studyId) === before) kept.set(studyId, { epoch, level, alpha, comparisons });
  return [...comparisons].map(([key, c]) => {
    const interval = csInterval(c.sequence.cs);
    return { key, interval, decided: intervalExcludes(interval, 0.5) };
  });
}

/** Per comparison, the rank of the first prompt the next evaluation reads (tests). */
export function keptNextRanks(studyId: string): Map<string, number> {
  return new Map([...(kept.get(studyId)?.comparisons ?? [])].map(([key, c]) => [key, c.nextRank]));
}

/** Forgets what this process kept (tests). */
export function forgetKeptSequences(): void {
  kept.clear();
}
