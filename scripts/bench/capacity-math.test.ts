import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/stats/rng";
import { largestPassing, lognormalSampler, parseRaterCounts, passes, percentile, raterSeed, startOffsets, summarize, type StepResult } from "./capacity-math";

describe("lognormalSampler", () => {
  const draws = (seed: number) => {
    const sample = lognormalSampler(mulberry32(seed), 20_000, 0.5);
    return Array.from({ length: 40_000 }, sample).sort((a, b) => a - b);
  };

  it("has the given median and log-scale σ", () => {
    const xs = draws(7);
    expect(percentile(xs, 50)).toBeGreaterThan(19_600);
    expect(percentile(xs, 50)).toBeLessThan(20_400);
    const logs = xs.map(Math.log);
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
    expect(sd).toBeGreaterThan(0.49);
    expect(sd).toBeLessThan(0.51);
  });

  it("has mean ≈ median·e^(σ²/2) ≈ 22.7 s and is reproducible from its seed", () => {
    const xs = draws(7);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(22_300);
    expect(mean).toBeLessThan(23_000);
    expect(draws(7)).toEqual(xs);
    expect(draws(8)[100]).not.toBe(xs[100]);
  });
});

describe("startOffsets", () => {
  it("spreads n raters evenly over the span, one per slot, reproducibly", () => {
    const offsets = startOffsets(1_000, 20_000, 3);
    expect(offsets).toHaveLength(1_000);
    offsets.forEach((t, i) => {
      expect(t).toBeGreaterThanOrEqual(i * 20);
      expect(t).toBeLessThan((i + 1) * 20);
    });
    expect(startOffsets(1_000, 20_000, 3)).toEqual(offsets);
  });

  it("gives each rater a different seed", () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => raterSeed(1, i)));
    expect(seeds.size).toBe(10_000);
  });
});

describe("percentile", () => {
  const xs = Array.from({ length: 100 }, (_, i) => i + 1);

  it("uses the nearest rank", () => {
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarizes unsorted latencies", () => {
    expect(summarize([3, 1, 2, 10])).toEqual({ n: 4, p50: 2, p99: 10, max: 10 });
  });
});

describe("largestPassing", () => {
  const step = (raters: number, nextP99: number, voteP99: number, errors = 0): StepResult => ({
    raters, errors, next: { n: 100, p50: 5, p99: nextP99, max: nextP99 }, vote: { n: 100, p50: 5, p99: voteP99, max: voteP99 },
  });

  it("needs both p99s within the limit and no errors", () => {
    expect(passes(step(500, 100, 100), 100)).toBe(true);
    expect(passes(step(500, 101, 20), 100)).toBe(false);
    expect(passes(step(500, 20, 101), 100)).toBe(false);
    expect(passes(step(500, 20, 20, 1), 100)).toBe(false);
    expect(passes({ ...step(500, 20, 20), vote: { n: 0, p50: NaN, p99: NaN, max: NaN } }, 100)).toBe(false);
  });

  it("reports the largest passing N, even past a failing one, or null", () => {
    const steps = [step(500, 30, 20), step(1_000, 60, 40), step(2_000, 250, 90), step(5_000, 90, 80, 3)];
    expect(largestPassing(steps, 100)).toBe(1_000);
    expect(largestPassing([step(2_000, 40, 40), step(500, 20, 20)], 100)).toBe(2_000);
    expect(largestPassing([step(500, 300, 20)], 100)).toBeNull();
  });
});

describe("parseRaterCounts", () => {
  it("reads a comma-separated list and refuses anything else", () => {
    expect(parseRaterCounts("500, 1000,2000")).toEqual([500, 1_000, 2_000]);
    expect(() => parseRaterCounts("500,x")).toThrow(/rater counts/);
    expect(() => parseRaterCounts("")).toThrow(/rater counts/);
    expect(() => parseRaterCounts("0")).toThrow(/rater counts/);
  });
});
