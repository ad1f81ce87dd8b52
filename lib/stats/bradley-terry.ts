// Bradley-Terry strengths for 2+ models from pairwise vote counts, via Hunter's (2004) MM algorithm.
// Reported on an Elo-like scale so the leaderboard reads like Chatbot Arena's.

import { buildPairMatrix, type PairMatrix, type PairRecord } from "./pair-matrix";

export interface BradleyTerryOptions {
  /** Stop when no log-strength moves by more than this between iterations (default 1e-10). */
  tolerance?: number;
  /** Give up after this many MM iterations (default 10,000); see `converged`. */
  maxIterations?: number;
  /**
   * Virtual ties added between EVERY pair of models (default 0). A small value such as 1 acts
   * as a prior pulling strengths together, which makes the fit exist even when some model
   * never won or never lost; it biases results towards equality, so keep it small.
   */
  pseudoTies?: number;
  /** Score of a model with geometric-mean strength (default 1000). */
  anchor?: number;
}

export interface BradleyTerryFit {
  models: string[];
  /** Bradley-Terry strengths, normalised to geometric mean 1: P(i beats j) = s_i / (s_i + s_j). */
  strengths: number[];
  /** anchor + 400 * log10(strength): a 400-point gap means 10:1 odds, as in Elo. */
  scores: number[];
  iterations: number;
  converged: boolean;
}

/**
 * The MLE exists (Hunter 2004, Assumption 1) iff for every split of the models into two groups
 * some model in each group has scored against the other, i.e. the "scored against" graph is
 * strongly connected. Checked as: model 0 reaches everyone, and everyone reaches model 0.
 */
function isStronglyConnected(points: Float64Array, n: number): boolean {
  const reachesAll = (forward: boolean): boolean => {
    const seen = new Uint8Array(n);
    const stack = [0];
    seen[0] = 1;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      for (let j = 0; j < n; j++) {
        const edge = forward ? points[i * n + j] : points[j * n + i];
        if (!seen[j] && (edge as number) > 0) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    return seen.every((s) => s === 1);
  };
  return reachesAll(true) && reachesAll(false);
}

function normaliseGeometric(strengths: Float64Array): void {
  let logSum = 0;
  for (const s of strengths) logSum += Math.log(s);
  const scale = Math.exp(-logSum / strengths.length);
  for (let i = 0; i < strengths.length; i++) strengths[i] = (strengths[i] as number) * scale;
}

/** One MM step: s_i <- W_i / sum_j N_ij / (s_i + s_j). Returns the largest change in log strength. */
function mmStep(points: Float64Array, n: number, s: Float64Array, next: Float64Array): number {
  for (let i = 0; i < n; i++) {
    let won = 0;
    let denom = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const games = (points[i * n + j] as number) + (points[j * n + i] as number);
      won += points[i * n + j] as number;
      if (games > 0) denom += games / ((s[i] as number) + (s[j] as number));
    }
    next[i] = won / denom;
  }
  normaliseGeometric(next);
  let change = 0;
  for (let i = 0; i < n; i++) {
    change = Math.max(change, Math.abs(Math.log((next[i] as number) / (s[i] as number))));
  }
  return change;
}

/** MM on a prepared matrix; `initial` lets the bootstrap warm-start from the full-data fit. */
export function fitPointsMatrix(
  points: Float64Array,
  n: number,
  options: BradleyTerryOptions = {},
  initial?: ArrayLike<number>,
): { strengths: Float64Array; iterations: number; converged: boolean } | null {
  if (n < 2 || !isStronglyConnected(points, n)) return null;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 10_000;
  let s = initial ? Float64Array.from(initial) : new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const change = mmStep(points, n, s, next);
    [s, next] = [next, s];
    if (change < tolerance) return { strengths: s, iterations: iteration, converged: true };
  }
  return { strengths: s, iterations: maxIterations, converged: false };
}

/** Adds `pseudoTies` virtual ties (half a point each way) between every pair of models. */
export function addPseudoTies(points: Float64Array, n: number, pseudoTies: number): Float64Array {
  if (pseudoTies <= 0) return points;
  const out = Float64Array.from(points);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j) out[i * n + j] = (out[i * n + j] as number) + pseudoTies / 2;
    }
  }
  return out;
}

export function toScore(strength: number, anchor: number = 1000): number {
  return anchor + 400 * Math.log10(strength);
}

/**
 * Fits Bradley-Terry with ties (and "both bad") as half a win each way. Returns null when the
 * MLE does not exist (fewer than two models, or some group of models never scored against the
 * rest, e.g. a model that lost every vote) - pass pseudoTies > 0 or collect more votes.
 */
export function bradleyTerry(
  records: readonly PairRecord[],
  options: BradleyTerryOptions = {},
): BradleyTerryFit | null {
  return bradleyTerryOfMatrix(buildPairMatrix(records), options);
}

/** bradleyTerry on a matrix already built (the bootstrap sums its prompts' votes into one). */
export function bradleyTerryOfMatrix({ models, points }: PairMatrix, options: BradleyTerryOptions = {}): BradleyTerryFit | null {
  const n = models.length;
  const fit = fitPointsMatrix(addPseudoTies(points, n, options.pseudoTies ?? 0), n, options);
  if (fit === null) return null;
  const strengths = [...fit.strengths];
  return {
    models,
    strengths,
    scores: strengths.map((s) => toScore(s, options.anchor)),
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

/** Elo-scale win probability of a model scoring `scoreA` against one scoring `scoreB`. */
export function winProbability(scoreA: number, scoreB: number): number {
  return 1 / (1 + 10 ** ((scoreB - scoreA) / 400));
}
