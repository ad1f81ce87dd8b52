import { describe, expect, it } from "vitest";
import { MIN_RESAMPLES, resamplePlan } from "./resample-plan";

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
