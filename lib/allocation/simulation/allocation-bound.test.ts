import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/stats/rng";
import { allocationBound, allocationCost } from "./allocation-bound";
import { trueVoteVariance, world } from "./world";

describe("allocationCost", () => {
  it("equal shares cost 1 for both widths, whatever the variances", () => {
    const cost = allocationCost([0.05, 0.1, 0.2], [7, 7, 7]);
    expect(cost.meanWidth).toBeCloseTo(1, 12);
    expect(cost.maxWidth).toBeCloseTo(1, 12);
  });

  it("equal variances 0.2, shares 1:2:3", () => {
    // Mean: 6 (1 + 1/sqrt 2 + 1/sqrt 3)^2 * 0.2 / (3 (3 sqrt 0.2)^2) = 6 * 2.2844571^2 / 27 = 1.1597209.
    // Largest: the pair with share 1 of 6 has half the even share, so twice the votes: 6 * 0.2 / (3 * 0.2) = 2.
    const cost = allocationCost([0.2, 0.2, 0.2], [1, 2, 3]);
    expect(cost.meanWidth).toBeCloseTo(1.1597209, 7);
    expect(cost.maxWidth).toBeCloseTo(2, 12);
  });

  it("rejects a missing share or a zero variance", () => {
    expect(() => allocationCost([0.2, 0.2], [1])).toThrow(RangeError);
    expect(() => allocationCost([0, 0.2], [1, 1])).toThrow(RangeError);
  });
});

describe("allocationBound", () => {
  it("equal variances: nothing to gain", () => {
    const bound = allocationBound([0.19, 0.19, 0.19, 0.19]);
    expect(bound.meanWidth).toBeCloseTo(1, 12);
    expect(bound.maxWidth).toBeCloseTo(1, 12);
  });

  it("variances 1 and 64: (1 + 4)^3 / (2 (1 + 8)^2) = 125/162 and (1 + 64) / (2 * 64) = 65/128", () => {
    const bound = allocationBound([1, 64]);
    expect(bound.meanWidth).toBeCloseTo(125 / 162, 12);
    expect(bound.maxWidth).toBeCloseTo(65 / 128, 12);
  });

  it("one pair 8 times as variable as nine others: the largest width gains much, the mean width little", () => {
    // Mean: (2 + 9)^3 / (10 (2 sqrt 2 + 9)^2) = 1331 / (10 * 139.91) = 0.9513; largest: (8 + 9) / (10 * 8) = 0.2125.
    const bound = allocationBound([8, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(bound.meanWidth).toBeCloseTo(0.9513144, 7);
    expect(bound.maxWidth).toBeCloseTo(0.2125, 12);
  });

  it("two pairs: the closed form is the minimum over every split of the votes (checks the Lagrange solution)", () => {
    const variances = [0.07, 0.19];
    let best = { meanWidth: Infinity, maxWidth: Infinity };
    for (let k = 1; k < 10_000; k++) {
      const cost = allocationCost(variances, [k, 10_000 - k]);
      best = { meanWidth: Math.min(best.meanWidth, cost.meanWidth), maxWidth: Math.min(best.maxWidth, cost.maxWidth) };
    }
    const bound = allocationBound(variances);
    expect(bound.meanWidth).toBeCloseTo(best.meanWidth, 6);
    expect(bound.maxWidth).toBeCloseTo(best.maxWidth, 3);
    expect(bound.meanWidth).toBeLessThanOrEqual(best.meanWidth + 1e-12);
    expect(bound.maxWidth).toBeLessThanOrEqual(best.maxWidth + 1e-12);
  });

  it("no random allocation of ten pairs beats it", () => {
    const rng = mulberry32(5);
    const variances = Array.from({ length: 10 }, () => 0.05 + 0.2 * rng());
    const bound = allocationBound(variances);
    for (let trial = 0; trial < 1000; trial++) {
      const cost = allocationCost(variances, variances.map(() => 0.01 + rng()));
      expect(cost.meanWidth).toBeGreaterThanOrEqual(bound.meanWidth - 1e-12);
      expect(cost.maxWidth).toBeGreaterThanOrEqual(bound.maxWidth - 1e-12);
    }
  });
});

describe("trueVoteVariance", () => {
  it("equal models, no prompt effect, no random answers: P(A) = P(B) = logistic(-0.5), ties scored 1/2", () => {
    // P(A) = 0.3775407, P(tie) = 0.2449187, mean 1/2: 0.3775407 + 0.2449187 / 4 - 1/4 = 0.1887703.
    const w = { ...world([0, 0]), promptSpread: 0, raterNoise: [0] };
    expect(trueVoteVariance(w, 0, 1)).toBeCloseTo(0.1887703, 7);
  });

  it("a sure win: only the 19% random answers vary, the least variance this world family has", () => {
    // P(A) = 0.81 + 0.19/3, P(tie) = P(B) = 0.19/3; mean 0.905; 0.8733333 + 0.0158333 - 0.905^2 = 0.0701417.
    const w = { ...world([20, 0]), promptSpread: 0, raterNoise: [0.19] };
    expect(trueVoteVariance(w, 0, 1)).toBeCloseTo(0.0701417, 6);
  });
});
