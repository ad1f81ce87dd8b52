// Exact two-sided binomial test (the sign test when p = 0.5), computed in log space.
// Matches R's binom.test p-value and stays stable for n in the millions.

import { logChoose } from "./log-factorial";

// R's binom.test tolerance: outcomes within this relative factor of the observed
// probability count as "equally extreme", so 90-vs-89 splits are not lost to rounding.
const RELATIVE_ERROR = 1 + 1e-7;
// Stop summing a tail once a term is this small relative to the running sum.
const NEGLIGIBLE = 1e-17;

/** log P(X = k) for X ~ Binomial(n, p). */
export function binomialLogPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return -Infinity;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/**
 * log of the sum of P(X = i) from `start` outward to `end`. Callers guarantee terms
 * shrink monotonically away from `start` (we are in a tail), so we can stop early:
 * this keeps n = 1e6 at a few thousand terms instead of a million.
 */
function logTailSum(start: number, end: number, n: number, p: number): number {
  const step = end >= start ? 1 : -1;
  const logFirst = binomialLogPmf(start, n, p);
  let relative = 0;
  for (let i = start; step > 0 ? i <= end : i >= end; i += step) {
    const term = Math.exp(binomialLogPmf(i, n, p) - logFirst);
    relative += term;
    if (term < relative * NEGLIGIBLE) break;
  }
  return logFirst + Math.log(relative);
}

/**
 * In [from, to] walking away from the mode (pmf non-increasing along the walk),
 * the first index whose log pmf is <= logLimit, or null if none.
 */
function firstAtOrBelow(from: number, to: number, n: number, p: number, logLimit: number): number | null {
  const step = to >= from ? 1 : -1;
  let lo = 0; // offsets from `from`
  let hi = Math.abs(to - from);
  if (binomialLogPmf(to, n, p) > logLimit) return null;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (binomialLogPmf(from + step * mid, n, p) <= logLimit) hi = mid;
    else lo = mid + 1;
  }
  return from + step * lo;
}

function assertBinomialArgs(k: number, n: number, p: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`k must be an integer in [0, n], got ${k}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
}

/**
 * Two-sided exact binomial p-value for k successes in n trials under success probability p.
 * Uses R's definition: the total probability of every outcome no more likely than the
 * observed one. n = 0 returns 1 (no evidence of anything).
 */
export function binomialTest(k: number, n: number, p: number = 0.5): number {
  assertBinomialArgs(k, n, p);
  if (n === 0) return 1;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const m = n * p;
  if (k === m) return 1;
  const logLimit = binomialLogPmf(k, n, p) + Math.log(RELATIVE_ERROR);
  let ownTail: number;
  let otherTail: number;
  if (k < m) {
    ownTail = logTailSum(k, 0, n, p);
    const j = firstAtOrBelow(Math.ceil(m), n, n, p, logLimit);
    // Both tails cover every outcome: the answer is exactly 1, not 1 minus rounding error.
    if (j !== null && j <= k + 1) return 1;
    otherTail = j === null ? -Infinity : logTailSum(j, n, n, p);
  } else {
    ownTail = logTailSum(k, n, n, p);
    const j = firstAtOrBelow(Math.floor(m), 0, n, p, logLimit);
    if (j !== null && j >= k - 1) return 1;
    otherTail = j === null ? -Infinity : logTailSum(j, 0, n, p);
  }
  return Math.min(1, Math.exp(ownTail) + Math.exp(otherTail));
}

function formatPercent(alpha: number): string {
  return `${Number((alpha * 100).toPrecision(10))}%`;
}

/**
 * Plain-language reading of a p-value for the dashboard. "Significant" means p < alpha;
 * the wording deliberately avoids claiming the models are equal when it is not significant.
 */
export function verdict(pValue: number, alpha: number = 0.05): string {
  const level = formatPercent(alpha);
  return pValue < alpha ? `significant at ${level}` : `no significant difference at ${level}`;
}
