// Share of answers whose raters, by majority, marked an issue on them, with a two-stage bootstrap interval:
// prompts resampled (the unit of analysis, one answer each), then each drawn answer's ratings resampled.

import { binomialLogPmf } from "./binomial";
import type { BootstrapOptions } from "./bootstrap";
import type { MarkedCounts } from "./krippendorff-alpha";
import { mulberry32, resolveSeed, type Rng } from "./rng";
import { sampleBinomial } from "./sampling";
import { quantileSorted } from "./summary";
import type { Interval } from "./tally";

/**
 * The majority rule: an answer carries the issue when strictly more than half of its ratings mark it,
 * marked > rated / 2. One mark in two ratings is not a majority; an answer nobody rated carries nothing.
 */
export function majorityMarked(rated: number, marked: number): boolean {
  return rated > 0 && 2 * marked > rated;
}

/** Answers with the same counts given once, with how many share them (default 1). */
export type CountedMarks = MarkedCounts & { count?: number };

export interface MajorityRate {
  /** Answers with at least one rating. */
  answers: number;
  /** Of those, answers the majority of whose ratings mark the issue. */
  present: number;
  /** present / answers; null without rated answers. */
  rate: number | null;
  /** Percentile bootstrap interval (see bootstrapMajorityRate); null without rated answers. */
  interval: Interval | null;
  resamples: number;
}

/** Distinct (rated, marked) patterns in that order (so sums, hence results, do not depend on input order), with multiplicities. */
function patterns(answers: readonly CountedMarks[]): { rated: number[]; marked: number[]; multiplicity: number[] } {
  const byKey = new Map<string, { rated: number; marked: number; n: number }>();
  for (const a of answers) {
    const n = a.count ?? 1;
    if (!Number.isInteger(a.rated) || a.rated < 0) throw new RangeError(`rated must be a non-negative integer, got ${a.rated}`);
    if (!Number.isInteger(a.marked) || a.marked < 0 || a.marked > a.rated) throw new RangeError(`marked must be an integer in [0, rated], got ${a.marked} of ${a.rated}`);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`count must be a non-negative integer, got ${n}`);
    if (a.rated === 0 || n === 0) continue;
    const key = `${a.rated}/${a.marked}`;
    const p = byKey.get(key);
    if (p) p.n += n;
    else byKey.set(key, { rated: a.rated, marked: a.marked, n });
  }
  const sorted = [...byKey.values()].sort((x, y) => x.rated - y.rated || x.marked - y.marked);
  return { rated: sorted.map((p) => p.rated), marked: sorted.map((p) => p.marked), multiplicity: sorted.map((p) => p.n) };
}

/** P(a fresh draw of `rated` ratings, each marking with probability marked/rated, has a majority marking). */
export function majorityChance(rated: number, marked: number): number {
  const p = marked / rated;
  let sum = 0;
  for (let x = Math.floor(rated / 2) + 1; x <= rated; x++) sum += Math.exp(binomialLogPmf(x, rated, p));
  return Math.min(1, sum);
}

/**
 * Resamples of the two-stage bootstrap. A resampled answer is a uniform pick that is then re-rated, so
 * every one of the P draws is independently present with the same probability, the mean majorityChance
 * over the answers: a resample's present count is Binomial(P, that mean), exactly, in one draw.
 */
function resampleRates(pattern: ReturnType<typeof patterns>, total: number, resamples: number, rng: Rng): Float64Array {
  let chance = 0;
  pattern.rated.forEach((r, k) => (chance += (pattern.multiplicity[k] as number) * majorityChance(r, pattern.marked[k] as number)));
  chance /= total;
  const stats = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) stats[b] = sampleBinomial(rng, total, chance) / total;
  return stats;
}

/**
 * Majority-marked rate with a seeded two-stage bootstrap. Each resample draws the answers (one per
 * prompt) with replacement, then redraws every drawn answer's marked count as Binomial(rated,
 * marked/rated), i.e. resamples its ratings, and re-applies the majority rule. Rater noise shows as a
 * shift, not extra width: fragile majorities flip either way when re-rated, so the resamples centre on
 * the mean majorityChance, and with many fragile majorities the interval can leave the rate out. Its
 * width is a binomial proportion's at that centre (so wider than a prompt-only bootstrap only near 0% or 100%).
 */
export function bootstrapMajorityRate(
  answers: readonly CountedMarks[],
  options: Pick<BootstrapOptions, "resamples" | "seed" | "level"> = {},
): MajorityRate {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const resamples = options.resamples ?? 1000;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError("resamples must be a positive integer");
  const pattern = patterns(answers);
  let total = 0;
  let present = 0;
  pattern.multiplicity.forEach((n, k) => {
    total += n;
    if (majorityMarked(pattern.rated[k] as number, pattern.marked[k] as number)) present += n;
  });
  if (total === 0) return { answers: 0, present: 0, rate: null, interval: null, resamples: 0 };
  const stats = resampleRates(pattern, total, resamples, mulberry32(resolveSeed(options.seed))).sort();
  const tail = (1 - level) / 2;
  const interval = { low: quantileSorted(stats, tail) as number, high: quantileSorted(stats, 1 - tail) as number };
  return { answers: total, present, rate: present / total, interval, resamples };
}
