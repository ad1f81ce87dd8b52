// Exact random draws from discrete distributions, driven by the seeded Rng.
// Lets bootstraps resample counts (how many times each kind of prompt/vote is drawn) instead of items.

import { binomialLogPmf } from "./binomial";
import type { Rng } from "./rng";

/**
 * Exact Binomial(n, p) draw by inversion, visiting outcomes in the fixed order
 * mode, mode+1, mode-1, mode+2, ... Any fixed order gives an exact sampler; starting at the
 * mode makes the expected cost ~1.6 standard deviations of steps instead of n*p.
 */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const odds = p / (1 - p);
  const u = rng();
  let fHi = Math.exp(binomialLogPmf(mode, n, p));
  let fLo = fHi;
  let cumulative = fHi;
  if (u < cumulative) return mode;
  let lo = mode;
  let hi = mode;
  while (lo > 0 || hi < n) {
    if (hi < n) {
      fHi *= ((n - hi) / (hi + 1)) * odds;
      hi++;
      cumulative += fHi;
      if (u < cumulative) return hi;
    }
    if (lo > 0) {
      fLo *= lo / (n - lo + 1) / odds;
      lo--;
      cumulative += fLo;
      if (u < cumulative) return lo;
    }
  }
  // Only reachable when rounding left the total mass a hair below u; the mode is the safest answer.
  return mode;
}

/**
 * Multinomial draw of `n` items over categories with the given non-negative weights,
 * as a chain of conditional binomials. Writes counts into `out` (reused to avoid allocation).
 */
export function sampleMultinomial(rng: Rng, n: number, weights: ArrayLike<number>, out: Float64Array): void {
  let remaining = n;
  let remainingWeight = 0;
  for (let k = 0; k < weights.length; k++) remainingWeight += weights[k] as number;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k] as number;
    const last = k === weights.length - 1;
    const drawn = remaining === 0 ? 0 : last ? remaining : sampleBinomial(rng, remaining, w / remainingWeight);
    out[k] = drawn;
    remaining -= drawn;
    remainingWeight -= w;
  }
}
