// Pure parts of the capacity benchmark: reading times, the raters' start schedule, percentiles and
// the headline "largest N that passes". No I/O, so they are unit-tested beside this file.
import { mulberry32, type Rng } from "@/lib/stats/rng";

/** A standard normal draw (Box–Muller; 1 - u keeps the logarithm's argument in (0, 1]). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Lognormal reading times: median `medianMs`, log-scale standard deviation `sigma` (mean = median·e^(σ²/2)). */
export function lognormalSampler(rng: Rng, medianMs: number, sigma: number): () => number {
  const mu = Math.log(medianMs);
  return () => Math.exp(mu + sigma * standardNormal(rng));
}

/**
 * When each of n raters sends their first request: spread over one reading time, one rater per
 * slot of `spanMs / n` at a seeded random point within it (even arrivals without a lockstep grid).
 */
export function startOffsets(n: number, spanMs: number, seed: number): number[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => ((i + rng()) * spanMs) / n);
}

/** Rater i's own seed: independent streams per rater, the same ones in every run. */
export const raterSeed = (runSeed: number, rater: number) => (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + rater * 0x27d4eb2f) >>> 0;

/** Nearest-rank percentile (p in 0..100) of an ascending array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export type LatencySummary = { n: number; p50: number; p99: number; max: number };

export function summarize(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

export type StepResult = { raters: number; next: LatencySummary; vote: LatencySummary; errors: number };

/** A step passes when both p99s are within the limit, nothing failed, and both routes were measured. */
export function passes(step: StepResult, p99LimitMs: number): boolean {
  return step.errors === 0 && step.next.n > 0 && step.vote.n > 0 && step.next.p99 <= p99LimitMs && step.vote.p99 <= p99LimitMs;
}

/** The largest rater count whose step passes (null when none does). Steps need not be in order. */
export function largestPassing(steps: readonly StepResult[], p99LimitMs: number): number | null {
  const ok = steps.filter((s) => passes(s, p99LimitMs)).map((s) => s.raters);
  return ok.length ? Math.max(...ok) : null;
}

/** "500,1000, 2000" → [500, 1000, 2000]; throws on anything that is not a positive integer. */
export function parseRaterCounts(text: string): number[] {
  const counts = text.split(",").map((s) => s.trim()).filter(Boolean).map(Number);
  if (counts.length === 0 || counts.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`not a list of rater counts: "${text}"`);
  return counts;
}
