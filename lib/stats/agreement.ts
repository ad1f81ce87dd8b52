// Inter-rater agreement: Fleiss' kappa, raw pairwise agreement, and each rater's agreement with the others.
// Used to spot careless or adversarial raters and to judge whether the task itself is well defined.

import { assertCount } from "./tally";

/**
 * counts[i][j] = number of raters who put item i in category j (SQL: GROUP BY item, label).
 * Every row must have the same number of categories.
 */
export type CategoryCounts = readonly (readonly number[])[];

export interface FleissKappa {
  /** null when chance agreement is 1 (every rating in one category): kappa is 0/0 there. */
  kappa: number | null;
  /** Mean per-item agreement, P-bar. */
  observed: number;
  /** Chance agreement from pooled category shares, P-bar-e. */
  expected: number;
  /** Items used (those with at least two ratings). */
  items: number;
}

function checkedRows(counts: CategoryCounts): { row: readonly number[]; raters: number }[] {
  const width = counts[0]?.length ?? 0;
  return counts.map((row) => {
    if (row.length !== width) throw new RangeError("every item needs the same number of categories");
    let raters = 0;
    for (const c of row) {
      assertCount(c, "category count");
      raters += c;
    }
    return { row, raters };
  });
}

/**
 * Fleiss' kappa. Fleiss (1971) assumes every item has the same number of raters; we allow
 * unequal numbers with the per-item agreement P_i = (sum_j n_ij^2 - n_i) / (n_i (n_i - 1)),
 * an unweighted mean of P_i over items, and chance agreement from category shares pooled over
 * all ratings. With equal n this is exactly Fleiss' formula. Items with fewer than two ratings
 * carry no agreement information and are skipped; returns null if none remain.
 */
export function fleissKappa(counts: CategoryCounts): FleissKappa | null {
  const rows = checkedRows(counts).filter((r) => r.raters >= 2);
  if (rows.length === 0) return null;
  const categoryTotals = new Array<number>(rows[0]?.row.length ?? 0).fill(0);
  let totalRatings = 0;
  let sumAgreement = 0;
  for (const { row, raters } of rows) {
    let squares = 0;
    row.forEach((c, j) => {
      squares += c * c;
      categoryTotals[j] = (categoryTotals[j] as number) + c;
    });
    sumAgreement += (squares - raters) / (raters * (raters - 1));
    totalRatings += raters;
  }
  const observed = sumAgreement / rows.length;
  const expected = categoryTotals.reduce((sum, t) => sum + (t / totalRatings) ** 2, 0);
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, items: rows.length };
}

/**
 * Share of rater pairs on the same item that chose the same category, pooled over all pairs
 * (items with more raters weigh more, unlike Fleiss' P-bar). Null when no item has two ratings.
 */
export function pairwiseAgreement(counts: CategoryCounts): number | null {
  let agreeing = 0;
  let pairs = 0;
  for (const { row, raters } of checkedRows(counts)) {
    for (const c of row) agreeing += (c * (c - 1)) / 2;
    pairs += (raters * (raters - 1)) / 2;
  }
  return pairs === 0 ? null : agreeing / pairs;
}

/** Builds the count matrix from per-item label lists, in the given category order. */
export function countCategories(items: readonly (readonly string[])[], categories: readonly string[]): number[][] {
  const column = new Map(categories.map((c, j) => [c, j] as const));
  return items.map((labels) => {
    const row = new Array<number>(categories.length).fill(0);
    for (const label of labels) {
      const j = column.get(label);
      if (j === undefined) throw new RangeError(`unknown category "${label}"`);
      row[j] = (row[j] as number) + 1;
    }
    return row;
  });
}
