// Length-controlled win rate: the minimal two-term form of AlpacaEval 2's length control (Dubois et
// al. 2024). Per model pair, a logistic regression of A's soft outcome (win 1, tie and "both bad" ½,
// loss 0, as in win-rate.ts) on an intercept and φ·tanh(length difference / its standard deviation);
// the controlled win rate is the prediction at equal length, sigmoid(intercept). AlpacaEval's
// instruction-difficulty term needs many models' answers per instruction, so it is left out.

import { fitLogistic, sigmoid, type LogisticData, type LogisticFit } from "./logistic-fit";
import { percentileInterval, resamplePlan, type ResampleOptions } from "./resample-plan";
import { mulberry32, resolveSeed, type Rng } from "./rng";
import { sampleMultinomial } from "./sampling";
import { assertTally, tallyScore, tallyTotal, type Interval, type PromptCounts } from "./tally";

/** One prompt's votes on the pair and its length difference (A's characters minus B's); `count` prompts alike (default 1). */
export type LengthPrompt = PromptCounts & { lengthDiff: number; count?: number };

/** Prompts are drawn grouped when they share few (length difference, score, votes) units, else one by one. */
export type LengthControlOptions = Omit<ResampleOptions, "method">;

export type LengthControl =
  | {
      ok: true;
      /** A's win rate at equal length, sigmoid(intercept). */
      estimate: number;
      /** Percentile interval from resampling prompts (the length scale re-estimated in each resample). */
      interval: Interval;
      /** A's raw win rate, ties and "both bad" as half. */
      raw: number;
      intercept: number;
      /** The length term's coefficient: positive when the longer answer tends to win. */
      phi: number;
      /** Sample standard deviation of the prompts' length differences, the scale inside tanh. */
      lengthScale: number;
      /** (raw − controlled) / (raw − 50%): the share of the raw rate's distance from 50% that length accounts for; null when raw is within half a point of 50%. */
      explained: number | null;
      /** Of the prompts whose answers differ in length, the share where A's is the longer; near 0 or 1, equal length lies at the edge of the data. */
      longerShareA: number;
      prompts: number;
      resamples: number;
      converged: boolean;
    }
  | { ok: false; reason: "too-few-prompts" | "no-length-variation"; raw: number | null; prompts: number };

/** Below this many prompts neither the fit nor resampling prompts means much. */
export const MIN_PROMPTS = 10;

/** Distinct (length difference, score, votes) units and how many prompts share each; `diffIndex` points into the distinct differences. */
interface Units {
  diffs: Float64Array;
  diffIndex: Int32Array;
  score: Float64Array;
  weight: Float64Array;
  multiplicity: Float64Array;
  prompts: number;
}

// Nested numeric maps (difference → votes → score) rather than string keys: building a key string per
// prompt is what a large study's 100,000 prompts would spend their time on.
function packUnits(prompts: readonly LengthPrompt[]): Units {
  const byDiff = new Map<number, Map<number, Map<number, number>>>();
  for (const p of prompts) {
    assertTally(p);
    const m = p.count ?? 1;
    if (!Number.isInteger(m) || m < 0) throw new RangeError(`count must be a non-negative integer, got ${m}`);
    if (!Number.isFinite(p.lengthDiff)) throw new RangeError(`lengthDiff must be finite, got ${p.lengthDiff}`);
    const w = tallyTotal(p);
    if (w === 0 || m === 0) continue;
    let byWeight = byDiff.get(p.lengthDiff);
    if (!byWeight) byDiff.set(p.lengthDiff, (byWeight = new Map()));
    let byScore = byWeight.get(w);
    if (!byScore) byWeight.set(w, (byScore = new Map()));
    const s = tallyScore(p);
    byScore.set(s, (byScore.get(s) ?? 0) + m);
  }
  // Sorted, so the resamples depend on the prompts and never on the order they came in.
  const sorted = <T>(map: Map<number, T>) => [...map.entries()].sort(([a], [b]) => a - b);
  const diffs: number[] = [];
  const diffIndex: number[] = [];
  const score: number[] = [];
  const weight: number[] = [];
  const multiplicity: number[] = [];
  for (const [d, byWeight] of sorted(byDiff)) {
    diffs.push(d);
    for (const [w, byScore] of sorted(byWeight)) {
      for (const [s, m] of sorted(byScore)) {
        diffIndex.push(diffs.length - 1);
        score.push(s);
        weight.push(w);
        multiplicity.push(m);
      }
    }
  }
  return {
    diffs: Float64Array.from(diffs),
    diffIndex: Int32Array.from(diffIndex),
    score: Float64Array.from(score),
    weight: Float64Array.from(weight),
    multiplicity: Float64Array.from(multiplicity),
    prompts: multiplicity.reduce((n, m) => n + m, 0),
  };
}

/**
 * The fit on units drawn `counts` times each: the length scale (sample sd of the drawn prompts'
 * differences, as AlpacaEval divides by the differences' std) and per distinct difference the summed
 * score and votes. A draw whose differences are all equal has no scale: its length term is 0.
 */
function fitDrawn(u: Units, counts: ArrayLike<number>, start?: LogisticFit): { fit: LogisticFit; scale: number; raw: number } {
  const n = u.diffs.length;
  const data: LogisticData = { x: new Float64Array(n), score: new Float64Array(n), weight: new Float64Array(n) };
  let prompts = 0;
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k] as number;
    if (c === 0) continue;
    const j = u.diffIndex[k] as number;
    const d = u.diffs[j] as number;
    prompts += c;
    sum += c * d;
    sumSq += c * d * d;
    data.score[j] = (data.score[j] as number) + c * (u.score[k] as number);
    data.weight[j] = (data.weight[j] as number) + c * (u.weight[k] as number);
  }
  const variance = prompts > 1 ? Math.max(0, (sumSq - (sum * sum) / prompts) / (prompts - 1)) : 0;
  const scale = Math.sqrt(variance);
  let score = 0;
  let votes = 0;
  for (let j = 0; j < n; j++) {
    data.x[j] = scale > 0 ? Math.tanh((u.diffs[j] as number) / scale) : 0;
    score += data.score[j] as number;
    votes += data.weight[j] as number;
  }
  const raw = score / votes;
  const fit = fitLogistic(data, start ?? { intercept: Math.log((score + 0.5) / (votes - score + 0.5)), slope: 0 });
  return { fit, scale, raw };
}

/** Resampled controlled win rates: multinomial counts per unit when units are few, else prompt by prompt (within maxDraws). */
function resampleEstimates(u: Units, start: LogisticFit, options: LengthControlOptions): Float64Array {
  const { grouped, resamples } = resamplePlan(options, u.prompts, u.multiplicity.length);
  const rng: Rng = mulberry32(resolveSeed(options.seed));
  const counts = new Float64Array(u.multiplicity.length);
  const list = grouped ? null : promptList(u);
  const stats = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    if (list) {
      counts.fill(0);
      for (let i = 0; i < u.prompts; i++) {
        const k = list[(rng() * u.prompts) | 0] as number;
        counts[k] = (counts[k] as number) + 1;
      }
    } else {
      sampleMultinomial(rng, u.prompts, u.multiplicity, counts);
    }
    stats[b] = sigmoid(fitDrawn(u, counts, start).fit.intercept);
  }
  return stats.sort();
}

/** One unit index per prompt, for resampling prompt by prompt. */
function promptList(u: Units): Int32Array {
  const list = new Int32Array(u.prompts);
  let at = 0;
  u.multiplicity.forEach((m, k) => {
    list.fill(k, at, at + m);
    at += m;
  });
  return list;
}

/**
 * The length-controlled win rate of A with its prompt-clustered bootstrap interval. Not computed
 * (ok: false) with fewer than MIN_PROMPTS voted prompts or when every prompt has the same length
 * difference (there is then no length effect to separate from the models').
 */
export function lengthControlledWinRate(prompts: readonly LengthPrompt[], options: LengthControlOptions = {}): LengthControl {
  const u = packUnits(prompts);
  const { level } = resamplePlan(options, u.prompts, u.multiplicity.length);
  if (u.prompts === 0) return { ok: false, reason: "too-few-prompts", raw: null, prompts: 0 };
  const { fit, scale, raw } = fitDrawn(u, u.multiplicity);
  if (u.prompts < MIN_PROMPTS) return { ok: false, reason: "too-few-prompts", raw, prompts: u.prompts };
  if (scale === 0) return { ok: false, reason: "no-length-variation", raw, prompts: u.prompts };
  const stats = resampleEstimates(u, fit, options);
  let longerA = 0;
  let unequal = 0;
  u.diffIndex.forEach((j, k) => {
    const d = u.diffs[j] as number;
    if (d !== 0) unequal += u.multiplicity[k] as number;
    if (d > 0) longerA += u.multiplicity[k] as number;
  });
  const estimate = sigmoid(fit.intercept);
  return {
    ok: true,
    estimate,
    interval: percentileInterval(stats, level),
    raw,
    intercept: fit.intercept,
    phi: fit.slope,
    lengthScale: scale,
    explained: Math.abs(raw - 0.5) < 0.005 ? null : (raw - estimate) / (raw - 0.5),
    longerShareA: longerA / unequal, // unequal > 0: the differences vary
    prompts: u.prompts,
    resamples: stats.length,
    converged: fit.converged,
  };
}
