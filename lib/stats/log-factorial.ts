// log(n!) that stays accurate and fast for n up to millions of votes.
// Needed because binomial coefficients like C(1e6, 5e5) overflow doubles long before we use them.

const TABLE_SIZE = 256;

// Exact-as-doubles table for small n, where the asymptotic series below is least accurate.
const SMALL: Float64Array = (() => {
  const table = new Float64Array(TABLE_SIZE);
  for (let i = 2; i < TABLE_SIZE; i++) table[i] = (table[i - 1] as number) + Math.log(i);
  return table;
})();

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * log(n!) for integer n >= 0. Above the table, Stirling's series with four
 * correction terms; at n >= 256 the truncation error is below 1e-20, far under double precision.
 */
export function logFactorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n < TABLE_SIZE) return SMALL[n] as number;
  const inv = 1 / n;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return n * Math.log(n) - n + HALF_LOG_2PI + 0.5 * Math.log(n) + series;
}

/** log C(n, k). */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}
