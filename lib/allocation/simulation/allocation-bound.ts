// What any sharing of votes among model pairs could save over sharing them equally, from each pair's
// true vote variance. It says whether a world leaves an adaptive rule anything to find.
//
// Pair i with n_i votes and vote variance S_i has an interval of width c sqrt(S_i / n_i) (to first order;
// the same c for every pair). With votes shared as n_i = t a_i, the votes N = t sum a_i that bring
//   - the mean width to w:    N = sum a_i (sum sqrt(S_i / a_i))^2 / (m w)^2,
//   - the largest width to w: N = sum a_i max(S_i / a_i) / w^2,
// against m (sum sqrt S_i)^2 / (m w)^2 and m max S_i / w^2 for equal shares (c = 1 here; it cancels).
// The best shares (Lagrange: minimise sum n_i subject to sum sqrt(S_i / n_i) = m w, so
// 1 = lambda sqrt(S_i) n_i^(-3/2) / 2 and n_i is proportional to S_i^(1/3); for the largest width every
// pair needs n_i >= S_i / w^2, and that is enough) give the ratios
//   mean width:    (sum S_i^(1/3))^3 / (m (sum sqrt S_i)^2),
//   largest width: sum S_i / (m max S_i),
// both at most 1 (Hölder; a mean is at most the maximum).

/** Votes an allocation needs for the same mean and the same largest width, as a share of equal shares' votes. */
export interface AllocationCost {
  meanWidth: number;
  maxWidth: number;
}

/** Cost of sharing votes in proportion to `shares` (any positive scale) among pairs with these vote variances. */
export function allocationCost(variances: readonly number[], shares: readonly number[]): AllocationCost {
  const m = variances.length;
  if (m === 0 || shares.length !== m) throw new RangeError("one share per pair, at least one pair");
  if (variances.some((s) => !(s > 0)) || shares.some((a) => !(a > 0))) throw new RangeError("variances and shares must be positive");
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const total = sum(shares);
  const rootSum = sum(variances.map(Math.sqrt));
  const weightedRootSum = sum(variances.map((s, i) => Math.sqrt(s / (shares[i] as number))));
  const worst = Math.max(...variances.map((s, i) => s / (shares[i] as number)));
  return {
    meanWidth: (total * weightedRootSum ** 2) / (m * rootSum ** 2),
    maxWidth: (total * worst) / (m * Math.max(...variances)),
  };
}

/** The least cost any allocation can have: shares S^(1/3) for the mean width, S for the largest (header). */
export function allocationBound(variances: readonly number[]): AllocationCost {
  return {
    meanWidth: allocationCost(variances, variances.map(Math.cbrt)).meanWidth,
    maxWidth: allocationCost(variances, variances).maxWidth,
  };
}
