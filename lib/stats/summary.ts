// Small descriptive helpers (median, quantiles) shared by the interval code.
// Kept separate so bootstrap and dashboard code agree on one quantile definition.

/**
 * Quantile of an already ascending-sorted array using linear interpolation
 * between order statistics (R's default "type 7"), so results match R/NumPy.
 * Returns null for an empty array because there is no honest number to show.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in [0, 1], got ${q}`);
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/** Median of unsorted values; null when empty. Does not mutate the input. */
export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((x, y) => x - y);
  return quantileSorted(sorted, 0.5);
}

/** Arithmetic mean; null when empty. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
