// How a prompt bootstrap is run, shared by the win-rate, majority, length-control and Bradley-Terry
// bootstraps: the level, whether prompts are drawn grouped by pattern or one by one, how many resamples
// fit the budget, and the percentile interval read off the sorted resamples.

import type { Interval } from "./tally";

export interface ResampleOptions {
  /** Numeric seed or a string such as the study id (default 0). */
  seed?: number | string;
  /** Number of resamples B (default 1000). */
  resamples?: number;
  /** Two-sided coverage (default 0.95). */
  level?: number;
  /**
   * Budget on individual prompt draws (prompts x resamples) for the "direct" method; when
   * exceeded, B is lowered to fit but never below MIN_RESAMPLES. Default 2e7 (a few tenths of a
   * second). The "grouped" method is not limited by it.
   */
  maxDraws?: number;
  /**
   * How a resample's prompts are drawn (the same distribution either way): "grouped", a multinomial
   * over distinct prompt patterns, or "direct", prompt by prompt. "auto" (default) groups when
   * patterns are clearly fewer than prompts.
   */
  method?: "auto" | "grouped" | "direct";
}

/** The fewest resamples a budget may lower B to: each 2.5% tail still rests on 5 resamples. */
export const MIN_RESAMPLES = 200;

export interface ResamplePlan {
  level: number;
  grouped: boolean;
  resamples: number;
}

/** The level and the requested B, validated: all a bootstrap needs that no budget on draws applies to. */
export function resampleLevelAndCount(options: Pick<ResampleOptions, "level" | "resamples">): { level: number; resamples: number } {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const resamples = options.resamples ?? 1000;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError("resamples must be a positive integer");
  return { level, resamples };
}

/** Validates the options and settles the plan for `prompts` prompts sharing `patterns` distinct patterns. */
export function resamplePlan(options: ResampleOptions, prompts: number, patterns: number): ResamplePlan {
  const { level, resamples: requested } = resampleLevelAndCount(options);
  const method = options.method ?? "auto";
  // A binomial draw costs far more than an index draw: grouping pays once patterns are clearly fewer than prompts.
  const grouped = method === "grouped" || (method === "auto" && patterns * 8 <= prompts);
  const affordable = Math.floor((options.maxDraws ?? 2e7) / Math.max(prompts, 1));
  const resamples = grouped ? requested : Math.min(requested, Math.max(MIN_RESAMPLES, affordable));
  return { level, grouped, resamples };
}

/**
 * The percentile interval of B sorted resample statistics: the k-th smallest and k-th largest, k =
 * floor((B + 1) · (1 − level) / 2), at least the first (Davison & Hinkley 1997, section 5.2).
 * Interpolating between order statistics (the usual quantile) reads each tail one order statistic
 * further in, which under-covers at the 200 resamples a large study's budget can leave (docs/adaptive.md).
 */
export function percentileInterval(sorted: ArrayLike<number>, level: number): Interval {
  const b = sorted.length;
  if (b === 0) throw new RangeError("no resamples");
  const k = Math.max(1, Math.floor(((b + 1) * (1 - level)) / 2));
  return { low: sorted[Math.min(k, b) - 1] as number, high: sorted[Math.max(b - k, 0)] as number };
}
