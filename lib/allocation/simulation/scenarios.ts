// The simulation's scenarios and sizes: ties, near-ties and clear wins; 2 and 5 models.

import { fitPointsMatrix, toScore } from "@/lib/stats/bradley-terry";
import type { ManyModelPlan } from "./many-models";
import { modelPairs } from "./many-models";
import type { TwoModelPlan } from "./two-models";
import { trueMajorityRate, trueVoteRate, trueVoteVariance, world, type World } from "./world";

export interface Scenario {
  name: string;
  world: World;
}

/** Two models: strength gaps 0 (a true tie), 0.3 (near-tie) and 1.0 (clear win) on the logit scale. */
export const TWO_MODEL_SCENARIOS: Scenario[] = [
  { name: "tie", world: world([0, 0]) },
  { name: "near-tie", world: world([0.3, 0]) },
  { name: "clear", world: world([1.0, 0]) },
];

/**
 * Five models: spread (one near-tie pair), close (every neighbour near), one exact tie, and wide: one
 * near-tie pair and steps of 2 logits, so most comparisons are won by 75-90% of votes (90% is the most
 * the raters' random answers allow) and pairs' vote variances differ by a factor of 2.7 (0.07-0.19), not
 * 1.2-1.3 as in the others. Its bound (allocation-bound.ts) is a 40% saving for the largest width.
 */
export const MANY_MODEL_SCENARIOS: Scenario[] = [
  { name: "spread", world: world([0, 0.3, 0.7, 1.2, 1.8]) },
  { name: "close", world: world([0, 0.35, 0.7, 1.05, 1.4]) },
  { name: "with a tie", world: world([0, 0, 0.6, 1.2, 1.8]) },
  { name: "wide", world: world([0, 0.3, 2, 4, 6]) },
];

/** Alpaca-sized: 800 prompts, 3 votes each planned. */
export const TWO_MODEL_PLAN: TwoModelPlan = { prompts: 800, k: 3, alpha: 0.05, resamples: 1000 };

export const MANY_MODEL_PLAN: ManyModelPlan = {
  budget: 12_000,
  alpha: 0.05,
  votesPerPrompt: 4,
  floor: 0.1,
  meanWidth: 0.14,
  maxWidth: 0.17,
  btWidth: 50,
  resamples: 1000,
  btResamples: 1000,
  checkEvery: 100,
};

export interface ManyModelTruth {
  /** Vote-level win rate of the first model of each pair (modelPairs order). */
  rates: number[];
  /** Bradley-Terry scores of the true win rates with every pair weighted equally. */
  scores: number[];
  /** Variance of one vote's score per pair: what its interval's width, and so the best allocation, depends on. */
  variances: number[];
}

/**
 * Bradley-Terry scores of true win rates (modelPairs order) with each pair weighted as given: the fit
 * all of a study's votes converge to when its pairs get votes in these proportions.
 */
export function weightedScores(rates: readonly number[], models: number, weights: readonly number[]): number[] {
  const points = new Float64Array(models * models);
  modelPairs(models).forEach(([i, j], k) => {
    points[i * models + j] = (weights[k] as number) * (rates[k] as number);
    points[j * models + i] = (weights[k] as number) * (1 - (rates[k] as number));
  });
  const fit = fitPointsMatrix(points, models, { tolerance: 1e-12 });
  if (fit === null) throw new Error("true win rates with positive weights always have a Bradley-Terry fit");
  return [...fit.strengths].map((s) => toScore(s));
}

/**
 * The world is not exactly Bradley-Terry (prompt effects, ties, noise), so the BT "truth" is the fit to
 * the true win rates with equal weight per pair; a design that weights pairs differently targets a
 * different projection, which the BT coverage rows include (and the allocation table measures).
 */
export function manyModelTruth(w: World): ManyModelTruth {
  const m = w.strengths.length;
  const pairs = modelPairs(m);
  const rates = pairs.map(([i, j]) => trueVoteRate(w, i, j));
  const variances = pairs.map(([i, j]) => trueVoteVariance(w, i, j));
  return { rates, scores: weightedScores(rates, m, pairs.map(() => 1e4)), variances };
}

export function twoModelTruth(w: World, k: number): { vote: number; majority: number } {
  return { vote: trueVoteRate(w, 0, 1), majority: trueMajorityRate(w, 0, 1, k) };
}
