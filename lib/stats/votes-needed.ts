// Rough "how many more votes until this comparison is decided?" estimate for the dashboard.
// Assumes the current split continues, which is a planning aid, not a power analysis.

import { assertTally, tallyScore, tallyTotal, type Tally } from "./tally";
import { Z_95 } from "./wilson";

/**
 * Extra votes until the Wilson interval of A's win rate (ties as half) excludes 1/2.
 *
 * The Wilson interval is the set of p0 that a score test does not reject, so it excludes
 * 1/2 exactly when |p - 1/2| > z * sqrt(1/4 / N), i.e. N > (z / (2|p - 1/2|))^2.
 * That gives a closed form instead of a search.
 *
 * Returns 0 when the interval already excludes 1/2, and null when there are no votes or
 * the split is exactly even (no number of votes at that split would ever decide it).
 */
export function votesNeeded(t: Tally, z: number = Z_95): number | null {
  assertTally(t);
  const n = tallyTotal(t);
  if (n === 0) return null;
  const distance = Math.abs(tallyScore(t) / n - 0.5);
  if (distance === 0) return null;
  const threshold = (z / (2 * distance)) ** 2;
  const required = Math.floor(threshold) + 1; // strictly greater than the threshold
  return Math.max(0, required - n);
}
