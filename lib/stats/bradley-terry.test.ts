import { describe, it, expect } from "vitest";
import { bradleyTerry, winProbability } from "./bradley-terry";

const rec = (a: string, b: string, winsA: number, winsB: number, ties = 0) => ({ a, b, winsA, winsB, ties });

describe("bradleyTerry", () => {
  it("two models, A beats B 3:1 -> strength ratio exactly 3", () => {
    // Hand: the MLE sets s_A / (s_A + s_B) = 3/4, so s_A / s_B = 3; geometric mean 1 gives
    // s_A = sqrt(3) = 1.7320508, s_B = 1/sqrt(3); scores 1000 +/- 200 * log10(3) = 1000 +/- 95.424251.
    const fit = bradleyTerry([rec("A", "B", 3, 1)]);
    expect(fit?.models).toEqual(["A", "B"]);
    expect(fit!.strengths[0]! / fit!.strengths[1]!).toBeCloseTo(3, 9);
    expect(fit!.strengths[0]).toBeCloseTo(Math.sqrt(3), 9);
    expect(fit!.scores[0]).toBeCloseTo(1095.424251, 5);
    expect(fit!.scores[1]).toBeCloseTo(904.575749, 5);
    expect(fit!.converged).toBe(true);
  });

  it("does not depend on which side of the record a model is on", () => {
    const fit = bradleyTerry([rec("B", "A", 1, 3)]);
    expect(fit!.strengths[0]! / fit!.strengths[1]!).toBeCloseTo(3, 9);
  });

  it("a balanced cycle gives equal strengths", () => {
    // Hand: A>B, B>C, C>A all 2:1 is symmetric under relabelling, so all strengths are 1.
    const fit = bradleyTerry([rec("A", "B", 2, 1), rec("B", "C", 2, 1), rec("C", "A", 2, 1)]);
    for (const s of fit!.strengths) expect(s).toBeCloseTo(1, 9);
    for (const score of fit!.scores) expect(score).toBeCloseTo(1000, 6);
  });

  it("recovers strengths 4 : 2 : 1 from data that fit them exactly", () => {
    // Hand: with s = (4, 2, 1), P(A>B) = 2/3, P(B>C) = 2/3, P(A>C) = 4/5. Counts 2:1, 2:1, 4:1
    // satisfy the likelihood equations W_i = sum_j N_ij s_i / (s_i + s_j):
    // A: 6 = 3*4/6 + 5*4/5; B: 3 = 3*2/6 + 3*2/3; C: 2 = 3*1/3 + 5*1/5.
    // Geometric mean of (4, 2, 1) is 2, so normalised strengths are (2, 1, 0.5).
    const fit = bradleyTerry([rec("A", "B", 2, 1), rec("B", "C", 2, 1), rec("A", "C", 4, 1)]);
    expect(fit!.strengths[0]).toBeCloseTo(2, 8);
    expect(fit!.strengths[1]).toBeCloseTo(1, 8);
    expect(fit!.strengths[2]).toBeCloseTo(0.5, 8);
  });

  it("counts ties as half a win each way", () => {
    // Hand: 1 win each plus 2 ties -> 2 points each -> equal strengths.
    const fit = bradleyTerry([rec("A", "B", 1, 1, 2)]);
    expect(fit!.strengths[0]).toBeCloseTo(1, 9);
    // Hand: 2 wins + 0.5 * 2 ties = 3 points vs 0 + 1 = 1 -> ratio 3, same as 3:1.
    const withTies = bradleyTerry([rec("A", "B", 2, 0, 2)]);
    expect(withTies!.strengths[0]! / withTies!.strengths[1]!).toBeCloseTo(3, 9);
  });

  it("ranks models in the order their records imply", () => {
    // Each model beats every model further down the list and does better than the model
    // below it against every common opponent, so the order must be A > B > C > D.
    const fit = bradleyTerry([
      rec("A", "B", 7, 3),
      rec("A", "C", 8, 2),
      rec("A", "D", 9, 1),
      rec("B", "C", 6, 4),
      rec("B", "D", 7, 3),
      rec("C", "D", 6, 4),
    ]);
    const score = (m: string) => fit!.scores[fit!.models.indexOf(m)]!;
    const order = fit!.models.slice().sort((x, y) => score(y) - score(x));
    expect(order).toEqual(["A", "B", "C", "D"]);
  });

  it("returns null when the MLE does not exist", () => {
    // A never lost: its strength would run off to infinity.
    expect(bradleyTerry([rec("A", "B", 3, 0)])).toBeNull();
    // Two groups never compared with each other.
    expect(bradleyTerry([rec("A", "B", 1, 1), rec("C", "D", 1, 1)])).toBeNull();
    expect(bradleyTerry([])).toBeNull();
  });

  it("pseudoTies make a fit exist", () => {
    // Hand: one virtual tie adds 0.5 points each way: 3.5 vs 0.5 -> ratio 7.
    const fit = bradleyTerry([rec("A", "B", 3, 0)], { pseudoTies: 1 });
    expect(fit!.strengths[0]! / fit!.strengths[1]!).toBeCloseTo(7, 9);
  });

  it("uses the anchor and rejects self-comparisons", () => {
    // Hand: 1500 + 200 * log10(3) = 1595.424251.
    expect(bradleyTerry([rec("A", "B", 3, 1)], { anchor: 1500 })!.scores[0]).toBeCloseTo(1595.424251, 5);
    expect(() => bradleyTerry([rec("A", "A", 1, 1)])).toThrow(RangeError);
  });

  it("reports non-convergence honestly", () => {
    const fit = bradleyTerry([rec("A", "B", 2, 1), rec("B", "C", 2, 1), rec("A", "C", 4, 1)], { maxIterations: 2 });
    expect(fit!.converged).toBe(false);
    expect(fit!.iterations).toBe(2);
  });
});

describe("winProbability", () => {
  it("follows the Elo logistic curve", () => {
    // Hand: a 400-point gap means 10:1 odds -> 10/11; equal scores -> 1/2.
    expect(winProbability(1400, 1000)).toBeCloseTo(10 / 11, 14);
    expect(winProbability(1000, 1000)).toBe(0.5);
    // Hand: strengths sqrt(3) and 1/sqrt(3) (scores 1095.42, 904.58) give 3/4.
    expect(winProbability(1095.424251, 904.575749)).toBeCloseTo(0.75, 6);
  });
});
