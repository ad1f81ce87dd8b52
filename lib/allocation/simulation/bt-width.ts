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

/**
 * Mean width of 95% Wald intervals of the models' scores (400 log10 strength, each relative to the
 * geometric mean), from points[i * n + j] (wins of i over j plus half the draws). The information matrix
 * is a weighted graph Laplacian; its pseudo-inverse (L + J/n)^-1 - J/n gives the covariance of the
 * centred log-strengths. Null when the fit does not exist yet.
 */
export function btMeanWidth(points: Float64Array, n: number, initial?: Float64Array): { width: number; strengths: Float64Array } | null {
  const fit = fitPointsMatrix(points, n, { tolerance: 1e-8 }, initial);
  if (fit === null) return null;
  const s = fit.strengths;
  const info = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const games = (points[i * n + j] as number) + (points[j * n + i] as number);
      const p = (s[i] as number) / ((s[i] as number) + (s[j] as number));
      const v = games * p * (1 - p);
      info[i * n + i] = (info[i * n + i] as number) + v;
      info[j * n + j] = (info[j * n + j] as number) + v;
      info[i * n + j] = -v;
      info[j * n + i] = -v;
    }
  }
  for (let k = 0; k < n * n; k++) info[k] = (info[k] as number) + 1 / n;
  const cov = invert(info, n);
  let width = 0;
  for (let i = 0; i < n; i++) {
    const variance = (cov[i * n + i] as number) - 1 / n;
    width += 2 * Z_95 * Math.sqrt(Math.max(variance, 0)) * (400 / Math.LN10);
  }
  return { width: width / n, strengths: s };
}
