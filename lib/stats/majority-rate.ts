// Share of answers whose raters, by majority, marked an issue on them, with a prompt-clustered bootstrap
// interval: prompts (the unit of analysis, one answer each) resampled with their observed majorities.

import type { BootstrapOptions } from "./bootstrap";
import type { MarkedCounts } from "./krippendorff-alpha";
import { percentileInterval, resampleLevelAndCount } from "./resample-plan";
import { mulberry32, resolveSeed, type Rng } from "./rng";
import { sampleBinomial } from "./sampling";
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

/**
 * Resamples of the prompt bootstrap: each of the P draws picks a prompt and keeps its observed majority,
 * so a resample's present count is Binomial(P, present / P), exactly, in one draw. Re-rating each drawn
 * answer as well (a second stage) was tried and left out: an observed majority already carries the
 * raters' noise, and re-drawing it moves the interval's centre toward the fragile majorities' chances
 * instead of widening it (Davison & Hinkley 1997, section 3.8, on over-counting the lower stage).
 */
function resampleRates(total: number, present: number, resamples: number, rng: Rng): Float64Array {
  const stats = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) stats[b] = sampleBinomial(rng, total, present / total) / total;
  return stats;
}

/**
 * Majority-marked rate with a seeded prompt-clustered bootstrap (percentile interval). With one answer
 * per prompt and model it is close to the Wilson interval away from 0% and 100%, where the bootstrap's
 * interval collapses to the point (all resamples equal): read Wilson's there.
 */
export function bootstrapMajorityRate(
  answers: readonly CountedMarks[],
  options: Pick<BootstrapOptions, "resamples" | "seed" | "level"> = {},
): MajorityRate {
  // Drawn as one binomial per resample: no budget on draws applies.
  const { level, resamples } = resampleLevelAndCount(options);
  const pattern = patterns(answers);
  let total = 0;
  let present = 0;
  pattern.multiplicity.forEach((n, k) => {
    total += n;
    if (majorityMarked(pattern.rated[k] as number, pattern.marked[k] as number)) present += n;
  });
  if (total === 0) return { answers: 0, present: 0, rate: null, interval: null, resamples: 0 };
  const stats = resampleRates(total, present, resamples, mulberry32(resolveSeed(options.seed))).sort();
  const interval = percentileInterval(stats, level);
  return { answers: total, present, rate: present / total, interval, resamples };
}
