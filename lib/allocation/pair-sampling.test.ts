import { describe, it, expect } from "vitest";
import { arenaWeight, drawPairs, pairProbabilities, samplingFloor, voteVariance } from "./pair-sampling";

const t = (winsA: number, winsB: number, ties = 0, bothBad = 0) => ({ winsA, winsB, ties, bothBad });

describe("voteVariance", () => {
  it("no votes: 1/4, the largest a score in [0, 1] can have", () => {
    expect(voteVariance(t(0, 0))).toBe(0.25);
  });

  it("2 A and 2 B: mean 1/2, sum of squares 4 * 1/4 = 1 -> (1/4 + 1) / 5 = 0.25", () => {
    expect(voteVariance(t(2, 2))).toBeCloseTo(0.25, 12);
  });

  it("3 A and 1 tie: mean 7/8, sum of squares 3/64 + 9/64 = 12/64 -> (1/4 + 0.1875) / 5 = 0.0875", () => {
    expect(voteVariance(t(3, 0, 1))).toBeCloseTo(0.0875, 12);
  });

  it("both bad counts like a tie", () => {
    expect(voteVariance(t(3, 0, 0, 1))).toBe(voteVariance(t(3, 0, 1)));
  });
});

describe("arenaWeight", () => {
  it("sqrt(S/n) - sqrt(S/(n+1)): S = 1/4, n = 3 -> 0.2886751 - 0.25 = 0.0386751", () => {
    expect(arenaWeight(0.25, 3)).toBeCloseTo(0.0386751, 7);
  });

  it("no votes weighs like one vote: 0.5 - 0.3535534 = 0.1464466", () => {
    expect(arenaWeight(0.25, 0)).toBeCloseTo(0.1464466, 7);
    expect(arenaWeight(0.25, 1)).toBe(arenaWeight(0.25, 0));
  });
});

describe("pairProbabilities", () => {
  it("equal pairs share the votes equally", () => {
    const q = pairProbabilities([t(2, 2), t(2, 2), t(2, 2), t(2, 2)], { votesPerPrompt: 2, floor: 0.1 });
    for (const p of q) expect(p).toBeCloseTo(0.5, 12);
  });

  it("floor plus the rest in proportion to the weights", () => {
    // Weights: no votes 0.1464466 (S = 1/4, n -> 1); 2 A 2 B (S = 1/4, n = 4): 0.25 - 0.2236068 = 0.0263932.
    // Spare 1 - 2 * 0.1 = 0.8 -> 0.1 + 0.8 * 0.1464466 / 0.1728398 = 0.7778374 and 0.1 + 0.8 * 0.0263932 / 0.1728398 = 0.2221626.
    const q = pairProbabilities([t(0, 0), t(2, 2)], { votesPerPrompt: 1, floor: 0.1 });
    expect(q[0]).toBeCloseTo(0.7778374, 6);
    expect(q[1]).toBeCloseTo(0.2221626, 6);
    expect(q[0]! + q[1]!).toBeCloseTo(1, 12);
  });

  it("caps a share at 1 and hands the excess to the others", () => {
    // As above with 1.8 expected votes: 0.1 + 1.6 * 0.847 > 1, so the first is capped at 1 and the
    // second takes the remaining 0.8.
    const q = pairProbabilities([t(0, 0), t(2, 2)], { votesPerPrompt: 1.8, floor: 0.1 });
    expect(q[0]).toBe(1);
    expect(q[1]).toBeCloseTo(0.8, 12);
  });

  it("skipDecided: a decided pair keeps only the floor", () => {
    const pairs = [{ ...t(2, 2), decided: true }, t(2, 2), t(2, 2)];
    const q = pairProbabilities(pairs, { votesPerPrompt: 1, floor: 0.1, skipDecided: true });
    // Spare 1 - 0.3 = 0.7 shared by the two open pairs: 0.1 + 0.35 = 0.45 each.
    expect(q[0]).toBeCloseTo(0.1, 12);
    expect(q[1]).toBeCloseTo(0.45, 12);
    expect(q[2]).toBeCloseTo(0.45, 12);
    // Without the option Arena's rule ignores the decision.
    expect(pairProbabilities(pairs, { votesPerPrompt: 1, floor: 0.1 })[0]).toBeCloseTo(1 / 3, 12);
  });

  it("rule variance: the rest in proportion to each pair's vote variance", () => {
    // Variances: no votes 1/4; 3 A and 1 tie 0.0875 (voteVariance above). Spare 1 - 0.2 = 0.8 ->
    // 0.1 + 0.8 * 0.25 / 0.3375 = 0.6925926 and 0.1 + 0.8 * 0.0875 / 0.3375 = 0.3074074.
    const pairs = [t(0, 0), { winsA: 3, winsB: 0, ties: 1, bothBad: 0 }];
    const q = pairProbabilities(pairs, { votesPerPrompt: 1, floor: 0.1, rule: "variance" });
    expect(q[0]).toBeCloseTo(0.6925926, 6);
    expect(q[1]).toBeCloseTo(0.3074074, 6);
    // Arena's weight also counts the votes each pair has: the same pairs, shared otherwise.
    expect(pairProbabilities(pairs, { votesPerPrompt: 1, floor: 0.1 })[0]).not.toBeCloseTo(0.6925926, 3);
  });

  it("every pair decided: the floor alone", () => {
    const q = pairProbabilities([{ ...t(5, 0), decided: true }, { ...t(0, 5), decided: true }], { votesPerPrompt: 1, floor: 0.2, skipDecided: true });
    expect(q).toEqual([0.2, 0.2]);
  });

  it("rejects a budget below the floors or above one vote per pair", () => {
    expect(() => pairProbabilities([t(0, 0), t(0, 0)], { votesPerPrompt: 0.1, floor: 0.1 })).toThrow(RangeError);
    expect(() => pairProbabilities([t(0, 0), t(0, 0)], { votesPerPrompt: 3, floor: 0.1 })).toThrow(RangeError);
    expect(() => pairProbabilities([t(0, 0)], { votesPerPrompt: 1, floor: 0 })).toThrow(RangeError);
  });
});

describe("samplingFloor", () => {
  it("a quarter of the even share: 4 of 10 pairs -> 0.4 / 4 = 0.1 (the simulation's design); 2 of 3 -> 1/6", () => {
    expect(samplingFloor(4, 10)).toBeCloseTo(0.1, 12);
    expect(samplingFloor(2, 3)).toBeCloseTo(1 / 6, 12);
  });

  it("leaves room for Arena's share: the floor over every pair is a quarter of the pairs per prompt", () => {
    const q = pairProbabilities([t(0, 0), t(0, 0), t(0, 0)], { votesPerPrompt: 2, floor: samplingFloor(2, 3) });
    // 3 * 1/6 = 1/2 to the floor, 3/2 shared evenly: 1/6 + 1/2 = 2/3 each, summing to 2.
    for (const x of q) expect(x).toBeCloseTo(2 / 3, 12);
  });
});

describe("drawPairs", () => {
  it("puts a pair to raters when its uniform draw falls below its probability", () => {
    expect(drawPairs([0.5, 0.5, 0.1, 1], [0.49, 0.5, 0.2, 0.999])).toEqual([true, false, false, true]);
  });

  it("wants one draw per pair", () => {
    expect(() => drawPairs([0.5, 0.5], [0.1])).toThrow(/one uniform draw per pair/);
  });
});
