// Seeded bootstrap intervals for Bradley-Terry scores.
// Resamples votes within each model pair, since pairs (not prompts) are what the fit aggregates.

import {
  addPseudoTies,
  bradleyTerry,
  fitPointsMatrix,
  toScore,
  type BradleyTerryFit,
  type BradleyTerryOptions,
} from "./bradley-terry";
import { buildPairMatrix, type PairRecord } from "./pair-matrix";
import { mulberry32, resolveSeed, type Rng } from "./rng";
import { sampleMultinomial } from "./sampling";
import { quantileSorted } from "./summary";
import { tallyTotal } from "./tally";

export interface BradleyTerryBootstrapOptions extends BradleyTerryOptions {
  /** Default 1000. */
  resamples?: number;
  /** Numeric seed or a string such as the study id (default 0). */
  seed?: number | string;
  /** Two-sided coverage (default 0.95). */
  level?: number;
}

export interface ScoreInterval {
  model: string;
  low: number;
  high: number;
}

export interface BradleyTerryBootstrap {
  fit: BradleyTerryFit | null;
  /** Percentile intervals on the score scale, in fit.models order; empty when no resample could be fitted. */
  intervals: ScoreInterval[];
  /** Resamples that were fitted. */
  resamples: number;
  /**
   * Resamples skipped because the MLE did not exist in them (e.g. a rarely winning model drew
   * no wins). Skipping them narrows intervals for such models; if this is more than a few
   * percent, rerun with pseudoTies > 0.
   */
  failed: number;
}

/** One resample: every record's votes redrawn Multinomial(n, observed shares), i.e. resampling its votes. */
function resampleRecords(records: readonly PairRecord[], rng: Rng, counts: Float64Array): PairRecord[] {
  return records.map((r) => {
    sampleMultinomial(rng, tallyTotal(r), [r.winsA, r.winsB, r.ties, r.bothBad ?? 0], counts);
    const [winsA = 0, winsB = 0, ties = 0, bothBad = 0] = counts;
    return { a: r.a, b: r.b, winsA, winsB, ties, bothBad };
  });
}

function percentileIntervals(models: string[], draws: number[][], level: number): ScoreInterval[] {
  const tail = (1 - level) / 2;
  return models.map((model, i) => {
    const sorted = Float64Array.from(draws, (d) => d[i] as number).sort();
    return { model, low: quantileSorted(sorted, tail) as number, high: quantileSorted(sorted, 1 - tail) as number };
  });
}

/**
 * Fits the full data, then refits B resampled data sets, warm-started from the full fit
 * (fewer MM iterations than a cold start). Scores in each resample are re-anchored to a
 * geometric-mean strength of 1, so intervals describe each model relative to the field.
 */
export function bradleyTerryBootstrap(
  records: readonly PairRecord[],
  options: BradleyTerryBootstrapOptions = {},
): BradleyTerryBootstrap {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const fit = bradleyTerry(records, options);
  if (fit === null) return { fit, intervals: [], resamples: 0, failed: 0 };
  const seed = resolveSeed(options.seed);
  const rng = mulberry32(seed);
  const counts = new Float64Array(4);
  const draws: number[][] = [];
  let failed = 0;
  for (let b = 0; b < (options.resamples ?? 1000); b++) {
    const { models, points } = buildPairMatrix(resampleRecords(records, rng, counts));
    // A model whose every vote vanished cannot happen: each record keeps its vote count.
    const n = models.length;
    const refit = fitPointsMatrix(addPseudoTies(points, n, options.pseudoTies ?? 0), n, options, fit.strengths);
    if (refit === null) failed++;
    else draws.push([...refit.strengths].map((s) => toScore(s, options.anchor)));
  }
  const intervals = draws.length === 0 ? [] : percentileIntervals(fit.models, draws, level);
  return { fit, intervals, resamples: draws.length, failed };
}
