import { describe, expect, it } from "vitest";
import { MIN_RESAMPLES, percentileInterval, resampleLevelAndCount, resamplePlan } from "./resample-plan";

describe("resamplePlan", () => {
  it("defaults to 1,000 resamples at 95%, grouped when patterns are at most an eighth of the prompts", () => {
    expect(resamplePlan({}, 800, 100)).toEqual({ level: 0.95, grouped: true, resamples: 1000 });
    expect(resamplePlan({}, 800, 101)).toEqual({ level: 0.95, grouped: false, resamples: 1000 });
  });

  it("lowers B to the draw budget when drawing prompt by prompt, never below the floor", () => {
    // 2e7 draws / 50,000 prompts = 400 resamples; 2e7 / 500,000 = 40, raised to the floor of 200.
    expect(resamplePlan({}, 50_000, 50_000).resamples).toBe(400);
    expect(resamplePlan({}, 500_000, 500_000).resamples).toBe(MIN_RESAMPLES);
    expect(resamplePlan({ maxDraws: 1e6 }, 1_000, 1_000).resamples).toBe(1000);
    // Grouped draws are not limited by the budget.
    expect(resamplePlan({ method: "grouped", maxDraws: 1 }, 500_000, 500_000).resamples).toBe(1000);
    expect(resamplePlan({ method: "direct" }, 800, 1)).toMatchObject({ grouped: false });
  });

  it("refuses a level outside (0, 1) and a resample count that is not a positive integer", () => {
    expect(() => resamplePlan({ level: 1 }, 10, 10)).toThrow(/level/);
    expect(() => resamplePlan({ level: 0 }, 10, 10)).toThrow(/level/);
    expect(() => resamplePlan({ resamples: 0 }, 10, 10)).toThrow(/resamples/);
    expect(() => resamplePlan({ resamples: 2.5 }, 10, 10)).toThrow(/resamples/);
  });

  it("settles a plan with no prompts at all", () => {
    expect(resamplePlan({}, 0, 0)).toEqual({ level: 0.95, grouped: true, resamples: 1000 });
  });
});

describe("resampleLevelAndCount", () => {
  it("gives the requested B whatever the budget, and validates as resamplePlan does", () => {
    expect(resampleLevelAndCount({})).toEqual({ level: 0.95, resamples: 1000 });
    expect(resampleLevelAndCount({ level: 0.9, resamples: 50_000 })).toEqual({ level: 0.9, resamples: 50_000 });
    expect(() => resampleLevelAndCount({ level: 1.5 })).toThrow(/level/);
    expect(() => resampleLevelAndCount({ resamples: -1 })).toThrow(/resamples/);
  });
});

describe("percentileInterval", () => {
  const ranks = (b: number) => Float64Array.from({ length: b }, (_, i) => i + 1);

  it("takes the k-th smallest and largest, k = floor((B + 1) (1 - level) / 2)", () => {
    // B = 200: k = floor(201 * 0.025) = 5, the 5th and the 196th of 200.
    expect(percentileInterval(ranks(200), 0.95)).toEqual({ low: 5, high: 196 });
    // B = 999: k = 25 exactly, the 25th and the 975th.
    expect(percentileInterval(ranks(999), 0.95)).toEqual({ low: 25, high: 975 });
    // B = 1000: k = floor(25.025) = 25, the 25th and the 976th.
    expect(percentileInterval(ranks(1000), 0.95)).toEqual({ low: 25, high: 976 });
    // 90%: B = 100, k = floor(5.05) = 5.
    expect(percentileInterval(ranks(100), 0.9)).toEqual({ low: 5, high: 96 });
  });

  it("falls back to the extremes when there are too few resamples for a tail, and refuses none", () => {
    expect(percentileInterval(ranks(20), 0.95)).toEqual({ low: 1, high: 20 });
    expect(percentileInterval([7], 0.95)).toEqual({ low: 7, high: 7 });
    expect(() => percentileInterval([], 0.95)).toThrow(/no resamples/);
  });
});
