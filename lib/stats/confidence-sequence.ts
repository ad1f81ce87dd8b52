// Anytime-valid confidence sequence for a mean in [0, 1]: the predictable plug-in empirical-Bernstein
// CS of Waudby-Smith & Ramdas (2024, JRSS-B, Theorem 2), extended to observations with predictable ranges.
//
// Why this one: it is closed-form (O(1) per observation, so SQL can feed a running sum), it adapts to the
// variance, and its supermartingale argument only needs each observation's conditional mean to be the
// target given the past. That is what makes it hold under continuous monitoring and adaptive sampling.
//
// The bound, for observations Y_i with E[Y_i | past] = mu and |Y_i - c_i| <= R_i (c_i, R_i fixed before
// Y_i is seen): with xi = (Y - c) / R >= -1 and lambda in [0, 1), exp(lambda xi - psiE(lambda) xi^2)
// <= 1 + lambda xi (Fan, Grama & Liu 2015, Lemma 4.1), so for bets eta_i with eta_i R_i < 1
//   prod exp(eta_i (Y_i - mu) - psiE(eta_i R_i) (Y_i - c_i)^2 / R_i^2)
// is a non-negative supermartingale (Howard et al. 2021, AoS); Ville's inequality on it and on its
// mirror (-Y) at alpha/2 each gives, for all t at once,
//   mu in  sum eta_i Y_i / sum eta_i  +-  (log(2/alpha) + sum psiE(eta_i R_i) (Y_i - c_i)^2 / R_i^2) / sum eta_i.
// With R_i = 1 and c_i the running mean this is exactly WSR's PrPl-EB CS.

import type { Interval } from "./tally";

export interface ConfidenceSequenceOptions {
  /** Miscoverage over all times at once (default 0.05). */
  alpha?: number;
  /** Largest bet on the [0, 1] scale, WSR's c (default 1/2; must be in (0, 1)). */
  maxBet?: number;
}

/**
 * Running sums of the CS. Updated in place by `observe` (a study adds one observation at a time and a
 * simulation adds millions, so copying the record each time would only cost); read with `csInterval`.
 */
export interface ConfidenceSequenceState {
  alpha: number;
  maxBet: number;
  /** Observations so far. */
  t: number;
  sumBet: number;
  sumBetValue: number;
  sumPenalty: number;
  /** Plug-in mean (1/2 + sum Y) / (t + 1) and variance (1/4 + sum (Y_i - mean_i)^2) / (t + 1) for the bets. */
  sumValue: number;
  sumSquares: number;
  /** Running intersection: the CS holds at every time at once, so the intersection does too. */
  low: number;
  high: number;
}

/** One observation: its value and, optionally, a centre and range fixed before it was seen. */
export interface Observation {
  value: number;
  /** Default: the running plug-in mean (WSR's choice). */
  center?: number;
  /** Default 1: the value lies in [center - range, center + range]. */
  range?: number;
}

export function createConfidenceSequence(options: ConfidenceSequenceOptions = {}): ConfidenceSequenceState {
  const alpha = options.alpha ?? 0.05;
  const maxBet = options.maxBet ?? 0.5;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(maxBet > 0 && maxBet < 1)) throw new RangeError(`maxBet must be in (0, 1), got ${maxBet}`);
  return { alpha, maxBet, t: 0, sumBet: 0, sumBetValue: 0, sumPenalty: 0, sumValue: 0, sumSquares: 0, low: 0, high: 1 };
}

/** psiE(lambda) = -log(1 - lambda) - lambda, for lambda in [0, 1). */
export function psiE(lambda: number): number {
  return -Math.log1p(-lambda) - lambda;
}

/**
 * WSR's predictable plug-in bet for observation number t (1-based) given the variance estimate from the
 * t - 1 before it: sqrt(2 log(2/alpha) / (variance t log(1 + t))), capped at `cap`.
 */
export function plugInBet(variance: number, t: number, alpha: number, cap: number): number {
  return Math.min(Math.sqrt((2 * Math.log(2 / alpha)) / (variance * t * Math.log(1 + t))), cap);
}

/** Plug-in mean of the observations so far, (1/2 + sum) / (t + 1): defined (1/2) before the first. */
export function plugInMean(s: ConfidenceSequenceState): number {
  return (0.5 + s.sumValue) / (s.t + 1);
}

/** Adds one observation (mutates and returns `s`). Throws when the value lies outside its declared range. */
export function observe(s: ConfidenceSequenceState, obs: Observation | number): ConfidenceSequenceState {
  const { value, center = plugInMean(s), range = 1 } = typeof obs === "number" ? { value: obs } : obs;
  if (!(range > 0) || !Number.isFinite(value) || Math.abs(value - center) > range * (1 + 1e-12)) {
    throw new RangeError(`observation ${value} lies outside ${center} +- ${range}`);
  }
  const t = s.t + 1;
  const variance = (0.25 + s.sumSquares) / t;
  const bet = plugInBet(variance, t, s.alpha, s.maxBet / range);
  const xi = (value - center) / range;
  s.t = t;
  s.sumBet += bet;
  s.sumBetValue += bet * value;
  s.sumPenalty += psiE(bet * range) * xi * xi;
  s.sumValue += value;
  const dev = value - plugInMean(s);
  s.sumSquares += dev * dev;
  const now = currentInterval(s);
  s.low = Math.max(s.low, now.low);
  s.high = Math.min(s.high, now.high);
  return s;
}

/** This time's interval alone (before intersecting with earlier ones), clipped to [0, 1]. */
function currentInterval(s: ConfidenceSequenceState): Interval {
  const center = s.sumBetValue / s.sumBet;
  const half = (Math.log(2 / s.alpha) + s.sumPenalty) / s.sumBet;
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/**
 * The CS now: [0, 1] before any observation. The intersection can in principle come out empty (a
 * sign the observations break the assumptions, or a 1-in-1/alpha event); it is then returned as the
 * single point where the bounds crossed rather than as an inverted interval.
 */
export function csInterval(s: ConfidenceSequenceState): Interval {
  if (s.low <= s.high) return { low: s.low, high: s.high };
  const mid = (s.low + s.high) / 2;
  return { low: mid, high: mid };
}

/** The CS after the given observations in their order (prompts in the order fixed before any vote). */
export function confidenceSequence(observations: readonly (Observation | number)[], options: ConfidenceSequenceOptions = {}): Interval {
  const s = createConfidenceSequence(options);
  for (const obs of observations) observe(s, obs);
  return csInterval(s);
}
