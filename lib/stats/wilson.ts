// Wilson score confidence interval for a proportion, e.g. a win rate.
// Preferred over the normal (Wald) interval because it stays inside [0, 1] and behaves at 0/n and n/n.

import type { Interval } from "./tally";

/** Two-sided 95% normal quantile, qnorm(0.975). */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for `successes` out of `n`.
 * `successes` may be fractional because ties count as half a win; the interval is then
 * an approximation (ties lower the true variance, so it errs on the wide side).
 * Returns null when n = 0: with no votes there is no interval worth drawing, and
 * returning [0, 1] would look like data.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval | null {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`n must be >= 0, got ${n}`);
  if (!(successes >= 0 && successes <= n)) {
    throw new RangeError(`successes must be in [0, n], got ${successes} of ${n}`);
  }
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp only to undo floating-point overshoot at p = 0 or 1 (e.g. 0.9999999999999999).
  const low = p === 0 ? 0 : Math.max(0, center - half);
  const high = p === 1 ? 1 : Math.min(1, center + half);
  return { low, high };
}

/** True when the interval lies strictly on one side of `value` (0.5 = "no preference"). */
export function intervalExcludes(interval: Interval, value: number): boolean {
  return interval.low > value || interval.high < value;
}
