// Per model pair: the headline tally, win rate with Wilson and prompt-clustered bootstrap intervals,
// sign test, votes needed, and the prompt-level (majority) tally beside the vote-level one.
import { bootstrapWinRate, type CountedPrompts } from "@/lib/stats/bootstrap";
import { majorityOutcome } from "@/lib/stats/majority";
import type { LengthPrompt } from "@/lib/stats/length-control";
import type { Tally } from "@/lib/stats/tally";
import { votesNeeded } from "@/lib/stats/votes-needed";
import { headline, leader, summarizeWinRate } from "@/lib/stats/win-rate";
import { intervalExcludes } from "@/lib/stats/wilson";
import { intervalText, percent, pValueText } from "./format";
import { groupLengthPrompts, lengthControlJson } from "./length-control";
import type { LengthPatternRow, PairPatternRow } from "./inputs";
import type { Orient } from "./orientation";
import type { ComparisonJson, TallyJson, VotesNeededJson, WinRateJson } from "./types";

/** A comparison's tally and its prompts' count patterns (each with how many prompts share it), oriented. */
export type ComparisonCounts = { key: string; modelA: string; modelB: string; tally: Tally; prompts: CountedPrompts[] };

const ALPHA = 0.05;

export function emptyTally(): Tally {
  return { winsA: 0, winsB: 0, ties: 0, bothBad: 0 };
}

export function addCounts(into: Tally, row: Tally, flipped: boolean): void {
  into.winsA += flipped ? row.winsB : row.winsA;
  into.winsB += flipped ? row.winsA : row.winsB;
  into.ties += row.ties;
  into.bothBad += row.bothBad;
}

export function tallyJson(t: Tally): TallyJson {
  return { ...t, total: t.winsA + t.winsB + t.ties + t.bothBad };
}

/** Folds the pairs' count patterns into comparisons, oriented: per comparison the tally and the patterns for the bootstrap. */
export function groupComparisons(rows: readonly PairPatternRow[], orient: Orient): ComparisonCounts[] {
  const byKey = new Map<string, ComparisonCounts>();
  for (const row of rows) {
    const o = orient(row.modelA, row.modelB);
    let c = byKey.get(o.key);
    if (!c) byKey.set(o.key, (c = { key: o.key, modelA: o.modelA, modelB: o.modelB, tally: emptyTally(), prompts: [] }));
    const oriented = emptyTally();
    addCounts(oriented, row, o.flipped);
    for (const k of ["winsA", "winsB", "ties", "bothBad"] as const) c.tally[k] += oriented[k] * row.pairs;
    c.prompts.push({ ...oriented, count: row.pairs });
  }
  return [...byKey.values()].sort((x, y) => x.modelA.localeCompare(y.modelA) || x.modelB.localeCompare(y.modelB));
}

function winRateJson(c: ComparisonCounts, seed: string): WinRateJson {
  const s = summarizeWinRate(c.tally);
  const boot = bootstrapWinRate(c.prompts, { seed, resamples: 1000 });
  const significant = s.signTestP < ALPHA;
  // Model A is the leader (see orientation.ts), so this is the leader's win rate, 50% or more; a criterion's
  // comparison keeps the primary's order (criteria.ts), where B may lead: the sentence says so first.
  const lead = leader(c.tally);
  const who =
    lead === null
      ? `Dead heat: ${c.modelA} and ${c.modelB} each win ${percent(s.winRate)}`
      : `${lead === "B" ? `${c.modelB} leads: ` : ""}${c.modelA} wins ${percent(s.winRate)} against ${c.modelB}`;
  const summary =
    s.winRate === null
      ? "No votes yet."
      : `${who} (ties as half; 95% CI ${intervalText(s.interval)}). ` +
        `Sign test on ${s.decisive} decisive votes: ${pValueText(s.signTestP)}, ${s.verdict}.`;
  return {
    estimate: s.winRate,
    wilson: s.interval,
    bootstrap: { interval: boot.interval, resamples: boot.resamples },
    signTest: { n: s.decisive, pValue: s.signTestP, significant, verdict: s.verdict },
    summary,
  };
}

function votesNeededJson(c: ComparisonCounts, wilson: WinRateJson["wilson"]): VotesNeededJson {
  const more = votesNeeded(c.tally);
  const decided = wilson !== null && intervalExcludes(wilson, 0.5);
  let text: string;
  if (decided) text = "The 95% interval already excludes 50%.";
  else if (more === null) text = "The split is even: more votes at this split would never exclude 50%.";
  else text = `About ${more} more votes at the current split until the 95% interval excludes 50%.`;
  return { more: decided ? 0 : more, decided, text };
}

function promptTally(c: ComparisonCounts): ComparisonJson["prompts"] {
  const result = { voted: 0, winsA: 0, winsB: 0, ties: 0 };
  for (const p of c.prompts) {
    const outcome = majorityOutcome(p);
    if (outcome === null) continue;
    const n = p.count ?? 1;
    result.voted += n;
    if (outcome === "A") result.winsA += n;
    else if (outcome === "B") result.winsB += n;
    else result.ties += n;
  }
  const noun = result.winsA + result.winsB === 1 ? "prompt" : "prompts";
  const ties = result.ties > 0 ? ` (with ${result.ties} tied)` : "";
  // Led by the prompt-level leader, which may differ from the vote-level one.
  const [first, firstWins, second, secondWins] =
    result.winsB > result.winsA ? [c.modelB, result.winsB, c.modelA, result.winsA] : [c.modelA, result.winsA, c.modelB, result.winsB];
  const heat = result.winsA === result.winsB ? "Dead heat: " : "";
  const text = `${heat}${first} wins ${firstWins} versus ${secondWins} ${noun} against ${second}${ties}`;
  return { ...result, headline: `${text}, by majority per prompt` };
}

/**
 * The excluded prompts' tallies (own A/B order) per comparison key, oriented by `orient`: summed counts
 * and how many prompts (pairs) they are.
 */
export function groupExcluded(rows: readonly PairPatternRow[], orient: Orient): Map<string, { tally: Tally; prompts: number }> {
  const byKey = new Map<string, { tally: Tally; prompts: number }>();
  for (const row of rows) {
    const o = orient(row.modelA, row.modelB);
    let e = byKey.get(o.key);
    if (!e) byKey.set(o.key, (e = { tally: emptyTally(), prompts: 0 }));
    addCounts(e.tally, row, o.flipped); // rows are sums over their pairs already
    e.prompts += row.pairs;
  }
  return byKey;
}

/** The comparison's headline with its excluded prompts' votes added, in its model order (headline() names the leader); null without them. */
export function withExcludedJson(c: ComparisonCounts, excluded: { tally: Tally; prompts: number } | undefined): ComparisonJson["withExcluded"] {
  if (!excluded || excluded.prompts === 0) return null;
  const t = emptyTally();
  addCounts(t, c.tally, false);
  addCounts(t, excluded.tally, false);
  const which = excluded.prompts === 1 ? "the excluded prompt" : `the ${excluded.prompts} excluded prompts`;
  return { prompts: excluded.prompts, tally: tallyJson(t), headline: `With ${which}: ${headline(c.modelA, c.modelB, t)}` };
}

export function summarizeComparison(
  c: ComparisonCounts,
  seed: string,
  excluded?: { tally: Tally; prompts: number },
  lengthPrompts: readonly LengthPrompt[] = [],
): ComparisonJson {
  const winRate = winRateJson(c, seed);
  return {
    modelA: c.modelA,
    modelB: c.modelB,
    tally: tallyJson(c.tally),
    headline: headline(c.modelA, c.modelB, c.tally),
    withExcluded: withExcludedJson(c, excluded),
    winRate,
    lengthControlled: lengthControlJson(c.modelA, c.modelB, lengthPrompts, `${seed}:length`),
    votesNeeded: votesNeededJson(c, winRate.wilson),
    prompts: promptTally(c),
  };
}

/**
 * Every comparison's figures from its counts (in the order given), with its excluded prompts' votes and its
 * patterns per length difference grouped the same way: the primary choice's figures and each criterion's.
 */
export function comparisonsJson(
  grouped: readonly ComparisonCounts[],
  rows: { excludedTallies?: readonly PairPatternRow[]; lengths?: readonly LengthPatternRow[] },
  orient: Orient,
  seed: string,
): ComparisonJson[] {
  const excluded = groupExcluded(rows.excludedTallies ?? [], orient);
  const lengths = groupLengthPrompts(rows.lengths ?? [], orient);
  return grouped.map((c) => summarizeComparison(c, `${seed}:${c.key}`, excluded.get(c.key), lengths.get(c.key)));
}
