// Cohen's kappa: chance-corrected agreement between two raters (e.g. an LLM judge and the human
// majority) labelling the same items. Takes a confusion matrix, so SQL or a single pass can build it.

import { assertCount } from "./tally";

export interface CohenKappa {
  /** null when chance agreement is 1 (both raters used one and the same label throughout). */
  kappa: number | null;
  /** Share of items on which the two agree. */
  observed: number;
  /** Agreement expected from the two raters' label shares alone. */
  expected: number;
  items: number;
}

/**
 * matrix[i][j] = items the first rater put in category i and the second in category j (square).
 * kappa = (p_o - p_e) / (1 - p_e) with p_e = sum_k (row_k / n)(col_k / n). Null with no items.
 */
export function cohenKappa(matrix: readonly (readonly number[])[]): CohenKappa | null {
  const k = matrix.length;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  let n = 0;
  let diagonal = 0;
  matrix.forEach((row, i) => {
    if (row.length !== k) throw new RangeError("the confusion matrix must be square");
    row.forEach((c, j) => {
      assertCount(c, "cell count");
      rows[i] = (rows[i] as number) + c;
      cols[j] = (cols[j] as number) + c;
      n += c;
      if (i === j) diagonal += c;
    });
  });
  if (n === 0) return null;
  const observed = diagonal / n;
  const expected = rows.reduce((sum, r, i) => sum + (r / n) * ((cols[i] as number) / n), 0);
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, items: n };
}
