import { describe, it, expect } from "vitest";
import { countCategories, fleissKappa, pairwiseAgreement } from "./agreement";

// Worked example from Wikipedia's "Fleiss' kappa" article: 10 subjects, 14 raters, 5 categories.
// Published: p_j = 0.143, 0.200, 0.279, 0.150, 0.229; P-bar = 0.378; P-bar-e = 0.213; kappa = 0.210.
const WIKIPEDIA = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe("fleissKappa", () => {
  it("reproduces the Wikipedia worked example", () => {
    // Hand, exact: sum of n_ij^2 over the table = 828, so P-bar = (828 - 140) / (10 * 14 * 13)
    // = 688 / 1820 = 0.378022; column totals 20, 28, 39, 21, 32 give
    // P-bar-e = (400 + 784 + 1521 + 441 + 1024) / 140^2 = 4170 / 19600 = 0.212755;
    // kappa = (0.378022 - 0.212755) / (1 - 0.212755) = 0.209930.
    const r = fleissKappa(WIKIPEDIA);
    expect(r?.observed).toBeCloseTo(688 / 1820, 12);
    expect(r?.expected).toBeCloseTo(4170 / 19600, 12);
    expect(r?.kappa).toBeCloseTo(0.21, 3);
    expect(r?.kappa).toBeCloseTo(0.20993, 5);
    expect(r?.items).toBe(10);
  });

  it("is 1 for perfect agreement across categories", () => {
    // Hand: P-bar = 1, shares 1/2 and 1/2 -> P-bar-e = 1/2, kappa = (1 - 1/2) / (1 - 1/2) = 1.
    expect(fleissKappa([[3, 0], [0, 3]])?.kappa).toBe(1);
  });

  it("is undefined (null) when every rating is in one category", () => {
    const r = fleissKappa([[3, 0], [3, 0]]);
    expect(r?.observed).toBe(1);
    expect(r?.kappa).toBeNull();
  });

  it("handles unequal numbers of raters per item", () => {
    // Hand: P_1 = (4 - 2) / (2 * 1) = 1; P_2 = (1 + 4 - 3) / (3 * 2) = 1/3; P-bar = 2/3.
    // Pooled shares 3/5, 2/5 -> P-bar-e = 13/25. kappa = (2/3 - 13/25) / (12/25) = 11/36.
    // The single-rater item [0, 1] is skipped.
    const r = fleissKappa([[2, 0], [1, 2], [0, 1]]);
    expect(r?.observed).toBeCloseTo(2 / 3, 14);
    expect(r?.expected).toBeCloseTo(13 / 25, 14);
    expect(r?.kappa).toBeCloseTo(11 / 36, 14);
    expect(r?.items).toBe(2);
  });

  it("returns null without any item rated twice and rejects ragged rows", () => {
    expect(fleissKappa([[1, 0], [0, 1]])).toBeNull();
    expect(fleissKappa([])).toBeNull();
    expect(() => fleissKappa([[1, 1], [1, 1, 0]])).toThrow(RangeError);
  });
});

describe("pairwiseAgreement", () => {
  it("equals P-bar when every item has the same raters (Wikipedia example)", () => {
    // Hand: agreeing pairs (828 - 140) / 2 = 344 of 10 * C(14, 2) = 910 -> 0.378022.
    expect(pairwiseAgreement(WIKIPEDIA)).toBeCloseTo(344 / 910, 14);
  });

  it("pools pairs across items of different sizes", () => {
    // Hand: item [2, 0] has 1 agreeing pair of 1; item [1, 2] has 1 of 3 -> 2 / 4.
    expect(pairwiseAgreement([[2, 0], [1, 2], [0, 1]])).toBe(0.5);
    expect(pairwiseAgreement([[1, 0]])).toBeNull();
  });
});

describe("countCategories", () => {
  it("builds the count matrix in category order", () => {
    expect(countCategories([["A", "B", "A"], ["tie"]], ["A", "B", "tie"])).toEqual([
      [2, 1, 0],
      [0, 0, 1],
    ]);
    expect(() => countCategories([["X"]], ["A"])).toThrow(RangeError);
  });
});
