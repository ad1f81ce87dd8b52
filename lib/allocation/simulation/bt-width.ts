// Width of Bradley-Terry score intervals from the fit's Fisher information, for tracking precision as
// votes come in (a bootstrap at every checkpoint would cost a thousand fits each). Used only to compare
// designs; the dashboard keeps its bootstrap intervals.

import { fitPointsMatrix } from "@/lib/stats/bradley-terry";
import { Z_95 } from "@/lib/stats/wilson";

/** Inverse of a small dense symmetric positive-definite matrix (Gauss-Jordan; n is the number of models). */
function invert(a: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    const pivot = m[c * n + c] as number;
    for (let j = 0; j < n; j++) {
      m[c * n + j] = (m[c * n + j] as number) / pivot;
      inv[c * n + j] = (inv[c * n + j] as number) / pivot;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * n + c] as number;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        m[r * n + j] = (m[r * n + j] as number) - f * (m[c * n + j] as number);
        inv[r * n + j] = (inv[r * n + j] as number) - f * (inv[c * n + j] as number);
      }
    }
  }
  return inv;
}

/** The Laplacian of the model graph whose edge (i, j) weighs edge[i * n + j] (i < j) times p(1 - p) at the fitted strengths. */
function laplacian(edge: Float64Array, s: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const p = (s[i] as number) / ((s[i] as number) + (s[j] as number));
      const v = (edge[i * n + j] as number) * p * (1 - p);
      out[i * n + i] = (out[i * n + i] as number) + v;
      out[j * n + j] = (out[j * n + j] as number) + v;
      out[i * n + j] = -v;
      out[j * n + i] = -v;
    }
  }
  return out;
}

/**
 * Mean width of 95% Wald intervals of the models' scores (400 log10 strength, each relative to the
 * geometric mean), from points[i * n + j] (wins of i over j plus half the draws, each vote counted by its
 * weight). The information matrix I is a weighted graph Laplacian; with `squaredWeights` (per model pair
 * i < j, the sum of its votes' squared weights) the covariance is the sandwich A⁻¹ J A⁻¹, A = I + 11ᵀ/n and
 * J the same Laplacian over the squared weights, which is (I + 11ᵀ/n)⁻¹ − 11ᵀ/n, the pseudo-inverse,
 * when every weight is 1. Null when the fit does not exist yet.
 */
export function btMeanWidth(points: Float64Array, n: number, initial?: Float64Array, squaredWeights?: Float64Array): { width: number; strengths: Float64Array } | null {
  const fit = fitPointsMatrix(points, n, { tolerance: 1e-8 }, initial);
  if (fit === null) return null;
  const s = fit.strengths;
  const games = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) games[i * n + j] = (points[i * n + j] as number) + (points[j * n + i] as number);
  const info = laplacian(games, s, n);
  for (let k = 0; k < n * n; k++) info[k] = (info[k] as number) + 1 / n;
  const inverse = invert(info, n);
  const variances = new Float64Array(n);
  if (squaredWeights === undefined) {
    for (let i = 0; i < n; i++) variances[i] = (inverse[i * n + i] as number) - 1 / n;
  } else {
    const meat = laplacian(squaredWeights, s, n);
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let a = 0; a < n; a++) {
        let row = 0;
        for (let b = 0; b < n; b++) row += (meat[a * n + b] as number) * (inverse[b * n + i] as number);
        v += (inverse[i * n + a] as number) * row;
      }
      variances[i] = v;
    }
  }
  let width = 0;
  for (let i = 0; i < n; i++) width += 2 * Z_95 * Math.sqrt(Math.max(variances[i] as number, 0)) * (400 / Math.LN10);
  return { width: width / n, strengths: s };
}
