import { describe, it, expect } from "vitest";
import { mulberry32 } from "./rng";
import { sampleBinomial, sampleMultinomial } from "./sampling";

function moments(draws: number[]): { mean: number; variance: number } {
  const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
  const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
  return { mean, variance };
}

describe("sampleBinomial", () => {
  it("handles degenerate parameters", () => {
    const rng = mulberry32(1);
    expect(sampleBinomial(rng, 0, 0.5)).toBe(0);
    expect(sampleBinomial(rng, 10, 0)).toBe(0);
    expect(sampleBinomial(rng, 10, 1)).toBe(10);
  });

  it("reproduces Binomial(2, 1/2) frequencies 1/4, 1/2, 1/4", () => {
    // Hand: P(0) = P(2) = 0.25, P(1) = 0.5. With 40,000 draws the standard error of 0.25 is
    // sqrt(0.1875 / 40000) = 0.0022, so 0.011 is a 5-SE tolerance.
    const rng = mulberry32(2);
    const freq = [0, 0, 0];
    const draws = 40_000;
    for (let i = 0; i < draws; i++) {
      const x = sampleBinomial(rng, 2, 0.5);
      freq[x] = (freq[x] as number) + 1;
    }
    expect(Math.abs((freq[0] as number) / draws - 0.25)).toBeLessThan(0.011);
    expect(Math.abs((freq[1] as number) / draws - 0.5)).toBeLessThan(0.0125);
    expect(Math.abs((freq[2] as number) / draws - 0.25)).toBeLessThan(0.011);
  });

  it("has mean np and variance np(1-p) for n = 1000, p = 0.3", () => {
    // Hand: mean 300, variance 210. With 20,000 draws: SE(mean) = sqrt(210/20000) = 0.10,
    // SE(variance) ~ 210 * sqrt(2/20000) = 2.1; tolerances are ~6 SE.
    const rng = mulberry32(3);
    const draws = Array.from({ length: 20_000 }, () => sampleBinomial(rng, 1000, 0.3));
    for (const x of draws) expect(Number.isInteger(x) && x >= 0 && x <= 1000).toBe(true);
    const { mean, variance } = moments(draws);
    expect(Math.abs(mean - 300)).toBeLessThan(0.6);
    expect(Math.abs(variance - 210)).toBeLessThan(13);
  });

  it("is accurate for large n and small p", () => {
    // Hand: n = 1e6, p = 0.5 -> mean 500000, variance 250000 (SE(mean) over 5000 draws = 7.1).
    // n = 1e6, p = 2e-6 -> mean 2, variance ~2 (SE(mean) = 0.02).
    const rng = mulberry32(4);
    const big = moments(Array.from({ length: 5000 }, () => sampleBinomial(rng, 1_000_000, 0.5)));
    expect(Math.abs(big.mean - 500_000)).toBeLessThan(40);
    expect(Math.abs(big.variance / 250_000 - 1)).toBeLessThan(0.12);
    const rare = moments(Array.from({ length: 5000 }, () => sampleBinomial(rng, 1_000_000, 2e-6)));
    expect(Math.abs(rare.mean - 2)).toBeLessThan(0.12);
  });
});

describe("sampleMultinomial", () => {
  it("always sums to n and matches expected shares", () => {
    // Hand: weights 1:2:7 -> expected shares 0.1, 0.2, 0.7 of n = 100 per draw.
    const rng = mulberry32(5);
    const out = new Float64Array(3);
    const totals = [0, 0, 0];
    const reps = 5000;
    for (let r = 0; r < reps; r++) {
      sampleMultinomial(rng, 100, [1, 2, 7], out);
      expect(out[0]! + out[1]! + out[2]!).toBe(100);
      for (let k = 0; k < 3; k++) totals[k] = (totals[k] as number) + (out[k] as number);
    }
    // SE of the mean share for category 0: sqrt(0.09 / 100 / 5000) = 0.0004.
    expect(Math.abs((totals[0] as number) / (100 * reps) - 0.1)).toBeLessThan(0.003);
    expect(Math.abs((totals[1] as number) / (100 * reps) - 0.2)).toBeLessThan(0.003);
    expect(Math.abs((totals[2] as number) / (100 * reps) - 0.7)).toBeLessThan(0.003);
  });
});
