import { describe, expect, it } from "vitest";
import { cohenKappa } from "./cohen-kappa";

describe("cohenKappa", () => {
  it("matches a hand-computed 2x2 example", () => {
    // 50 items: both yes 20, both no 15, yes/no 5, no/yes 10.
    // p_o = 35/50 = 0.7; rater 1 yes 25/50, rater 2 yes 30/50;
    // p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4.
    const result = cohenKappa([
      [20, 5],
      [10, 15],
    ]);
    expect(result?.observed).toBeCloseTo(0.7, 12);
    expect(result?.expected).toBeCloseTo(0.5, 12);
    expect(result?.kappa).toBeCloseTo(0.4, 12);
    expect(result?.items).toBe(50);
  });

  it("matches a hand-computed 3x3 example (A, B, tie)", () => {
    // rows = judge, cols = humans. n = 10, diagonal 4 + 3 + 1 = 8 -> p_o = 0.8.
    // row totals 5, 3, 2; col totals 5, 4, 1; p_e = (25 + 12 + 2) / 100 = 0.39.
    // kappa = (0.8 - 0.39) / 0.61 = 0.41 / 0.61 = 0.672131...
    const result = cohenKappa([
      [4, 1, 0],
      [0, 3, 0],
      [1, 0, 1],
    ]);
    expect(result?.kappa).toBeCloseTo(0.41 / 0.61, 12);
  });

  it("is 1 for perfect agreement, null without items or variety", () => {
    expect(cohenKappa([[3, 0], [0, 2]])?.kappa).toBe(1);
    expect(cohenKappa([[0, 0], [0, 0]])).toBeNull();
    expect(cohenKappa([[4, 0], [0, 0]])?.kappa).toBeNull();
  });

  it("rejects non-square matrices and negative counts", () => {
    expect(() => cohenKappa([[1, 2]])).toThrow(RangeError);
    expect(() => cohenKappa([[1, -1], [0, 1]])).toThrow(RangeError);
  });
});
