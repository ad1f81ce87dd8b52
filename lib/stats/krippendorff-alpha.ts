// Krippendorff's alpha for nominal data: agreement between ratings of the same units, corrected for
// chance, with any number of ratings per unit (missing ratings are simply absent). Krippendorff (2011),
// "Computing Krippendorff's Alpha-Reliability", via the coincidence matrix.

import { assertCount } from "./tally";

/**
 * One unit's ratings as counts per category: an array indexed by category, or a map from category
 * to count. Use one form for all units of a call (an array's index 0 and a map's key 0 are different categories).
 */
export type UnitValueCounts = readonly number[] | ReadonlyMap<unknown, number>;

export interface KrippendorffAlpha {
  /** 1 - D_o / D_e; null without pairable values or when D_e = 0 (every pairable value in one category). */
  alpha: number | null;
  /** Units with 2+ ratings (the pairable ones); units with fewer cannot disagree with anything and are dropped. */
  units: number;
  /** Pairable values n: ratings in those units. */
  values: number;
  /** Observed disagreement D_o (off-diagonal share of the coincidence matrix); null when values = 0. */
  observed: number | null;
  /** Expected disagreement D_e from the pooled category shares; null when values = 0. */
  expected: number | null;
}

function entries(unit: UnitValueCounts): Iterable<readonly [unknown, number]> {
  return Array.isArray(unit) ? (unit as readonly number[]).map((count, category) => [category, count] as const) : (unit as ReadonlyMap<unknown, number>);
}

/**
 * Nominal alpha. A unit with m ratings adds n_uc n_uk / (m - 1) to coincidence cell (c, k), so the
 * off-diagonal mass it adds is (m^2 - sum_c n_uc^2) / (m - 1). Then, with n_c the pooled category
 * totals and n their sum, D_o = off-diagonal / n and D_e = (n^2 - sum_c n_c^2) / (n (n - 1)).
 */
export function krippendorffAlphaNominal(units: readonly UnitValueCounts[]): KrippendorffAlpha {
  const totals = new Map<unknown, number>();
  let disagreement = 0;
  let pairable = 0;
  let n = 0;
  for (const unit of units) {
    let m = 0;
    let squares = 0;
    for (const [, count] of entries(unit)) {
      assertCount(count, "value count");
      if (!Number.isInteger(count)) throw new RangeError(`value counts must be integers, got ${count}`);
      m += count;
      squares += count * count;
    }
    if (m < 2) continue;
    for (const [category, count] of entries(unit)) totals.set(category, (totals.get(category) ?? 0) + count);
    disagreement += (m * m - squares) / (m - 1);
    pairable++;
    n += m;
  }
  let totalSquares = 0;
  for (const t of totals.values()) totalSquares += t * t;
  return alphaFrom(pairable, n, disagreement, totalSquares);
}

/** Alpha from the pairable units and values, the off-diagonal coincidence mass and the sum of squared category totals. */
function alphaFrom(units: number, n: number, disagreement: number, totalSquares: number): KrippendorffAlpha {
  if (n === 0) return { alpha: null, units: 0, values: 0, observed: null, expected: null };
  const observed = disagreement / n;
  const expected = (n * n - totalSquares) / (n * (n - 1));
  return { alpha: expected === 0 ? null : 1 - observed / expected, units, values: n, observed, expected };
}

/** Ratings of one unit on a yes/no question: how many rated it, and how many of those said "yes" (marked). */
export interface MarkedCounts {
  rated: number;
  marked: number;
}

/** Nominal alpha over two categories, marked and not marked (the same sums as above, without a map per unit). */
export function krippendorffAlphaBinary(units: readonly MarkedCounts[]): KrippendorffAlpha {
  let pairable = 0;
  let n = 0;
  let marked = 0;
  let disagreement = 0;
  for (const { rated: m, marked: k } of units) {
    if (!Number.isInteger(m) || !Number.isInteger(k) || !(k >= 0 && k <= m)) throw new RangeError(`marked must be an integer in [0, rated], got ${k} of ${m}`);
    if (m < 2) continue;
    disagreement += (2 * k * (m - k)) / (m - 1);
    pairable++;
    n += m;
    marked += k;
  }
  return alphaFrom(pairable, n, disagreement, marked * marked + (n - marked) * (n - marked));
}
