// Anytime-valid confidence sequence for a mean in [0, 1]: the predictable plug-in empirical-Bernstein
// CS (PrPl-EB) of Waudby-Smith & Ramdas (2024, JRSS-B, Theorem 2).
//
// Why this one: it is closed-form (O(1) per observation, so SQL can feed a running sum), it adapts to the
// variance, and its supermartingale argument only needs each observation's conditional mean to be the
// target given the past. That is what makes it hold under continuous monitoring and adaptive sampling.
//
// The bound, for observations Y_i in [0, 1] with E[Y_i | past] = mu, m_i the plug-in mean of the ones
// before and bets eta_i in [0, 1) fixed before Y_i is seen: with xi = Y - m >= -1,
// exp(lambda xi - psiE(lambda) xi^2) <= 1 + lambda xi (Fan, Grama & Liu 2015, Lemma 4.1), so
//   prod exp(eta_i (Y_i - mu) - psiE(eta_i) (Y_i - m_i)^2)
// is a non-negative supermartingale (Howard et al. 2021, AoS); Ville's inequality on it and on its
// mirror (-Y) at alpha/2 each gives, for all t at once,
//   mu in  sum eta_i Y_i / sum eta_i  +-  (log(2/alpha) + sum psiE(eta_i) (Y_i - m_i)^2) / sum eta_i.

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

/** Adds one observation in [0, 1] (mutates and returns `s`). Throws on a value outside [0, 1]. */
export function observe(s: ConfidenceSequenceState, value: number): ConfidenceSequenceState {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`an observation must be in [0, 1], got ${value}`);
  const t = s.t + 1;
  const variance = (0.25 + s.sumSquares) / t;
  const bet = plugInBet(variance, t, s.alpha, s.maxBet);
  const xi = value - plugInMean(s);
  s.t = t;
  s.sumBet += bet;
  s.sumBetValue += bet * value;
  s.sumPenalty += psiE(bet) * xi * xi;
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
export function confidenceSequence(observations: readonly number[], options: ConfidenceSequenceOptions = {}): Interval {
  const s = createConfidenceSequence(options);
  for (const obs of observations) observe(s, obs);
  return csInterval(s);
}
