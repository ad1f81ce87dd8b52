// Two-parameter logistic regression, logit P(A wins) = intercept + slope * x, on soft outcomes
// aggregated per distinct x (the likelihood of soft labels depends on the data only through, per x,
// the summed score and the summed weight). Newton–Raphson with a tiny ridge so it always has an answer.

export interface LogisticFit {
  intercept: number;
  slope: number;
  /** False when the iteration cap was reached before the steps became negligible. */
  converged: boolean;
  iterations: number;
}

/**
 * Per distinct x: the summed score (A's wins, draws as half) and the summed weight (votes).
 * Scores lie in [0, weight].
 */
export interface LogisticData {
  x: Float64Array;
  score: Float64Array;
  weight: Float64Array;
}

/**
 * The ridge, per vote, on both parameters. Without it the fit has no finite maximum when one side
 * wins every vote (or every vote at one end of x): the estimate then stops where the likelihood
 * gain meets the penalty, at a win probability within about 1e-5 of 0 or 1, instead of drifting.
 * On data with a finite maximum it moves the parameters by a few millionths of their size.
 */
export const RIDGE_PER_VOTE = 1e-6;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-10;

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Penalised log-likelihood, the quantity Newton's steps must increase. */
export function logLikelihood(d: LogisticData, intercept: number, slope: number, ridge = 0): number {
  let ll = 0;
  for (let j = 0; j < d.x.length; j++) {
    const z = intercept + slope * (d.x[j] as number);
    // log p = -log(1 + e^-z), log(1 - p) = -log(1 + e^z), computed without overflow.
    const logP = -softplus(-z);
    const logQ = -softplus(z);
    const s = d.score[j] as number;
    ll += s * logP + ((d.weight[j] as number) - s) * logQ;
  }
  return ll - (ridge / 2) * (intercept * intercept + slope * slope);
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Gradient and (negated) Hessian of the penalised log-likelihood. */
function derivatives(d: LogisticData, b0: number, b1: number, ridge: number) {
  let g0 = -ridge * b0;
  let g1 = -ridge * b1;
  let h00 = ridge;
  let h01 = 0;
  let h11 = ridge;
  for (let j = 0; j < d.x.length; j++) {
    const x = d.x[j] as number;
    const w = d.weight[j] as number;
    const p = sigmoid(b0 + b1 * x);
    const r = (d.score[j] as number) - w * p;
    const v = w * p * (1 - p);
    g0 += r;
    g1 += r * x;
    h00 += v;
    h01 += v * x;
    h11 += v * x * x;
  }
  return { g0, g1, h00, h01, h11 };
}

/**
 * Maximises the penalised log-likelihood from `start` (e.g. the full data's fit for a bootstrap
 * resample). Each Newton step is halved until the objective does not decrease, so the iteration
 * cannot oscillate; the objective is strictly concave (the ridge sees to that), so it converges.
 */
export function fitLogistic(d: LogisticData, start: { intercept: number; slope: number } = { intercept: 0, slope: 0 }): LogisticFit {
  let totalWeight = 0;
  for (let j = 0; j < d.weight.length; j++) totalWeight += d.weight[j] as number;
  const ridge = RIDGE_PER_VOTE * Math.max(totalWeight, 1);
  let b0 = start.intercept;
  let b1 = start.slope;
  let current = logLikelihood(d, b0, b1, ridge);
  for (let it = 1; it <= MAX_ITERATIONS; it++) {
    const { g0, g1, h00, h01, h11 } = derivatives(d, b0, b1, ridge);
    const det = h00 * h11 - h01 * h01;
    let s0 = (h11 * g0 - h01 * g1) / det;
    let s1 = (h00 * g1 - h01 * g0) / det;
    let next = logLikelihood(d, b0 + s0, b1 + s1, ridge);
    for (let halvings = 0; next < current && halvings < 30; halvings++) {
      s0 /= 2;
      s1 /= 2;
      next = logLikelihood(d, b0 + s0, b1 + s1, ridge);
    }
    b0 += s0;
    b1 += s1;
    current = next;
    if (Math.max(Math.abs(s0), Math.abs(s1)) < TOLERANCE) return { intercept: b0, slope: b1, converged: true, iterations: it };
  }
  return { intercept: b0, slope: b1, converged: false, iterations: MAX_ITERATIONS };
}
