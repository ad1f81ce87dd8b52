// Percentile bootstrap interval for A's win rate, resampling whole prompts.
// Prompts are the unit because votes on the same prompt are correlated; resampling votes would be too narrow.

import { percentileInterval, resamplePlan, type ResampleOptions } from "./resample-plan";
import { mulberry32, resolveSeed, type Rng } from "./rng";
import { sampleMultinomial } from "./sampling";
import { assertTally, tallyScore, tallyTotal, type Interval, type PromptCounts } from "./tally";

export type BootstrapOptions = ResampleOptions;

export interface BootstrapResult {
  /** Pooled win rate over all votes, ties and "both bad" as half; null with no votes. */
  estimate: number | null;
  interval: Interval | null;
  /** Resamples actually used (may be below the request because of maxDraws). */
  resamples: number;
}

/** Prompts with the same counts given once, with how many prompts share them (default 1). */
export type CountedPrompts = PromptCounts & { count?: number };

/** Per-prompt score (A's wins, draws as half), vote count and multiplicity, prompts without votes dropped. */
interface PackedPrompts {
  score: Float64Array;
  weight: Float64Array;
  count: Float64Array;
}

/** Distinct (score, votes) patterns and how many prompts share each. */
interface PromptGroups {
  score: Float64Array;
  weight: Float64Array;
  multiplicity: Float64Array;
  prompts: number;
}

function packPrompts(prompts: readonly CountedPrompts[]): PackedPrompts {
  const score: number[] = [];
  const weight: number[] = [];
  const count: number[] = [];
  for (const p of prompts) {
    assertTally(p);
    const n = p.count ?? 1;
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`count must be a non-negative integer, got ${n}`);
    const total = tallyTotal(p);
    if (total === 0 || n === 0) continue; // a prompt without votes has no win rate to resample
    score.push(tallyScore(p));
    weight.push(total);
    count.push(n);
  }
  return { score: Float64Array.from(score), weight: Float64Array.from(weight), count: Float64Array.from(count) };
}

// Nested numeric maps rather than string keys: building "score/votes" strings made
// grouping 100,000 distinct prompts cost ~150 ms on its own.
function groupPrompts(packed: PackedPrompts): PromptGroups {
  const byWeight = new Map<number, Map<number, number>>();
  const score: number[] = [];
  const weight: number[] = [];
  const multiplicity: number[] = [];
  let prompts = 0;
  packed.score.forEach((s, i) => {
    const w = packed.weight[i] as number;
    const n = packed.count[i] as number;
    prompts += n;
    let byScore = byWeight.get(w);
    if (!byScore) byWeight.set(w, (byScore = new Map()));
    const at = byScore.get(s);
    if (at === undefined) {
      byScore.set(s, score.length);
      score.push(s);
      weight.push(w);
      multiplicity.push(n);
    } else {
      multiplicity[at] = (multiplicity[at] as number) + n;
    }
  });
  // Patterns in (votes, score) order, not order of appearance: the resamples then depend on the
  // prompts, never on the order a query happened to return them in.
  const order = score.map((_, i) => i).sort((i, j) => (weight[i] as number) - (weight[j] as number) || (score[i] as number) - (score[j] as number));
  return {
    score: Float64Array.from(order, (i) => score[i] as number),
    weight: Float64Array.from(order, (i) => weight[i] as number),
    multiplicity: Float64Array.from(order, (i) => multiplicity[i] as number),
    prompts,
  };
}

/** One entry per prompt, in (votes, score) order, for index resampling (for the same reason as the patterns above). */
function promptList(g: PromptGroups): { score: Float64Array; weight: Float64Array } {
  const score = new Float64Array(g.prompts);
  const weight = new Float64Array(g.prompts);
  let at = 0;
  for (let k = 0; k < g.score.length; k++) {
    score.fill(g.score[k] as number, at, at + (g.multiplicity[k] as number));
    weight.fill(g.weight[k] as number, at, at + (g.multiplicity[k] as number));
    at += g.multiplicity[k] as number;
  }
  return { score, weight };
}

/**
 * Resampling P prompts with replacement only matters through how many copies of each
 * pattern are drawn, which is Multinomial(P, multiplicity / P). Cost per resample is
 * O(patterns) instead of O(prompts): 100,000 prompts with a few votes each have about 20 patterns.
 */
function groupedStats(g: PromptGroups, resamples: number, rng: Rng): Float64Array {
  const stats = new Float64Array(resamples);
  const counts = new Float64Array(g.score.length);
  for (let b = 0; b < resamples; b++) {
    sampleMultinomial(rng, g.prompts, g.multiplicity, counts);
    let s = 0;
    let w = 0;
    for (let k = 0; k < counts.length; k++) {
      const c = counts[k] as number;
      s += c * (g.score[k] as number);
      w += c * (g.weight[k] as number);
    }
    stats[b] = s / w;
  }
  return stats;
}

/**
 * Classic index resampling, for data where nearly every prompt is a distinct pattern.
 * Its cost grows with prompts x resamples, hence maxDraws: 100,000 all-distinct prompts get
 * B = 200 by default.
 */
function directStats(packed: { score: Float64Array; weight: Float64Array }, resamples: number, rng: Rng): Float64Array {
  const { score, weight } = packed;
  const count = score.length;
  const stats = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    let w = 0;
    for (let j = 0; j < count; j++) {
      const idx = (rng() * count) | 0;
      s += score[idx] as number;
      w += weight[idx] as number;
    }
    stats[b] = s / w;
  }
  return stats;
}

/**
 * Each resample draws P prompts with replacement and recomputes the pooled win rate
 * (sum of scores / sum of votes), matching how the point estimate weights prompts.
 * Deterministic for a given seed, method and set of prompts, in whatever order they come.
 */
export function bootstrapWinRate(prompts: readonly CountedPrompts[], options: BootstrapOptions = {}): BootstrapResult {
  const groups = groupPrompts(packPrompts(prompts));
  const { level, grouped, resamples } = resamplePlan(options, groups.prompts, groups.score.length);
  const seed = resolveSeed(options.seed);
  if (groups.prompts === 0) return { estimate: null, interval: null, resamples: 0 };
  const rng = mulberry32(seed);
  const stats = grouped ? groupedStats(groups, resamples, rng) : directStats(promptList(groups), resamples, rng);
  stats.sort();
  const interval = percentileInterval(stats, level);
  let score = 0;
  let votes = 0;
  for (let k = 0; k < groups.score.length; k++) {
    score += (groups.score[k] as number) * (groups.multiplicity[k] as number);
    votes += (groups.weight[k] as number) * (groups.multiplicity[k] as number);
  }
  return { estimate: score / votes, interval, resamples };
}

