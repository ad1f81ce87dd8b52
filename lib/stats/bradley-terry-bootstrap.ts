// Seeded bootstrap intervals for Bradley-Terry scores, resampling whole prompts.
// Every model answers every prompt, so a prompt's votes on different model pairs are correlated (a model
// that does well on it tends to win all its pairs there); resampling votes pair by pair would ignore that
// and give intervals that are too narrow. A drawn prompt brings all its pairs' votes, as the win-rate
// bootstrap (bootstrap.ts) draws whole prompts.

import {
  addPseudoTies,
  bradleyTerryOfMatrix,
  fitPointsMatrix,
  toScore,
  type BradleyTerryFit,
  type BradleyTerryOptions,
} from "./bradley-terry";
import { packPromptVotes, type PromptVotes } from "./prompt-patterns";
import { drawPatternCounts, patternOfPrompt, sumPatterns } from "./prompt-resample";
import { percentileInterval, resamplePlan, type ResampleOptions } from "./resample-plan";
import { mulberry32Stream, resolveSeed } from "./rng";

export type { PromptVotes } from "./prompt-patterns";

export type BradleyTerryBootstrapOptions = BradleyTerryOptions & ResampleOptions;

export interface ScoreInterval {
  model: string;
  low: number;
  high: number;
}

export interface BradleyTerryBootstrap {
  fit: BradleyTerryFit | null;
  /** Percentile intervals on the score scale, in fit.models order; empty when no resample could be fitted. */
  intervals: ScoreInterval[];
  /** Resamples that were fitted (the request, or fewer under maxDraws, minus the failed ones). */
  resamples: number;
  /**
   * Resamples skipped because the MLE did not exist in them (e.g. a rarely winning model drew
   * no wins, or no prompt of some model was drawn). Skipping them narrows intervals for such
   * models; if this is more than a few percent, rerun with pseudoTies > 0.
   */
  failed: number;
}

/**
 * A resample's fit stops once no log strength moves by more than this in an MM step (the full fit keeps
 * the caller's 1e-10): what is left to move is far below a score point, and MM converges slowly where
 * strengths are far apart (83 steps per resample at 1e-10, 51 at this, five models from 10% to 90%).
 */
const RESAMPLE_TOLERANCE = 1e-7;

function percentileIntervals(models: string[], draws: number[][], level: number): ScoreInterval[] {
  return models.map((model, i) => ({ model, ...percentileInterval(Float64Array.from(draws, (d) => d[i] as number).sort(), level) }));
}

/**
 * Fits all votes (the sum of the prompts' votes, the same fit as bradleyTerry on the model pairs' totals),
 * then refits B resamples of the P prompts drawn with replacement, each warm-started from the full fit
 * (fewer MM iterations than a cold start). Scores in each resample are re-anchored to a geometric-mean
 * strength of 1, so intervals describe each model relative to the field. Deterministic for a given seed,
 * method and set of prompts, in whatever order they and their pairs come.
 */
export function bradleyTerryBootstrap(
  prompts: readonly PromptVotes[],
  options: BradleyTerryBootstrapOptions = {},
): BradleyTerryBootstrap {
  const patterns = packPromptVotes(prompts);
  const { level, resamples, grouped } = resamplePlan(options, patterns.prompts, patterns.multiplicity.length);
  const { models } = patterns;
  const n = models.length;
  const points = new Float64Array(n * n);
  sumPatterns(patterns, patterns.multiplicity, points);
  const fit = bradleyTerryOfMatrix({ models, points }, options);
  if (fit === null) return { fit, intervals: [], resamples: 0, failed: 0 };
  const stream = mulberry32Stream(resolveSeed(options.seed));
  const byPrompt = grouped ? undefined : patternOfPrompt(patterns);
  const counts = new Float64Array(patterns.multiplicity.length);
  const draws: number[][] = [];
  let failed = 0;
  for (let b = 0; b < resamples; b++) {
    drawPatternCounts(patterns, stream, counts, byPrompt);
    sumPatterns(patterns, counts, points);
    const refit = fitPointsMatrix(addPseudoTies(points, n, options.pseudoTies ?? 0), n, { ...options, tolerance: RESAMPLE_TOLERANCE }, fit.strengths);
    if (refit === null) failed++;
    else draws.push([...refit.strengths].map((s) => toScore(s, options.anchor)));
  }
  const intervals = draws.length === 0 ? [] : percentileIntervals(fit.models, draws, level);
  return { fit, intervals, resamples: draws.length, failed };
}
