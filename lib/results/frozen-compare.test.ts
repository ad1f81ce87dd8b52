import { describe, expect, it } from "vitest";
import { differingParts, figuresText } from "./frozen-compare";
import type { StudyResults } from "./types";

const results = (votes: number, extra: Record<string, unknown> = {}) =>
  ({ study: { id: "s", name: "S", status: "OPEN", models: ["a", "b"] }, generatedAt: "2026-12-01T10:00:00.000Z", totals: { votes, raters: 2 }, ...extra }) as unknown as StudyResults;

describe("differingParts: what is a figure", () => {
  it("ignores key order, the time of computing, the study's name and status, and the prompt page", () => {
    const a = results(3);
    const b = { generatedAt: "2027-01-01T00:00:00.000Z", totals: { raters: 2, votes: 3 }, study: { models: ["a", "b"], status: "CLOSED", name: "T", id: "s" }, prompts: { page: 1 } } as unknown as StudyResults;
    expect(differingParts(a, b)).toEqual([]);
    expect(figuresText(a)).toBe(figuresText(b));
  });

  it("sees any changed figure", () => {
    expect(differingParts(results(3), results(2))).not.toEqual([]);
    expect(differingParts(results(3), { ...results(3), study: { ...results(3).study, models: ["b", "a"] } })).not.toEqual([]);
  });

  it("compares figures frozen before the anytime intervals without them, and sees them change once frozen", () => {
    const comparison = { modelA: "a", modelB: "b", headline: "h" };
    const anytime = { alpha: 0.05, estimate: 1, interval: { low: 0.6, high: 1 }, prompts: 20, waiting: 0, decided: true, text: "t" };
    const old = results(3, { comparisons: [comparison] });
    const now = results(3, { comparisons: [{ ...comparison, anytime }], sequential: { level: 0.05, stop: null } });
    expect(differingParts(old, now)).toEqual([]);
    expect(differingParts(now, results(3, { comparisons: [{ ...comparison, anytime }], sequential: { level: 0.05, stop: { reason: "BUDGET" } } }))).not.toEqual([]);
    expect(differingParts(old, results(2, { comparisons: [{ ...comparison, anytime }], sequential: {} }))).not.toEqual([]);
  });
});

describe("differingParts", () => {
  it("names the parts that differ as the dashboard does, in its order, and nothing when none does", () => {
    expect(differingParts(results(3), results(3))).toEqual([]);
    expect(differingParts(results(3), results(2))).toEqual(["the totals"]);
    const ranked = (low: number) => results(3, { ranking: { models: [{ model: "a", low }] }, overTime: [{ hour: "h", votes: 3 }] });
    expect(differingParts(ranked(0.4), ranked(0.5))).toEqual(["the ranking"]);
    // Votes over time come after the totals on the dashboard; a part it does not name keeps its key, last.
    const later = results(2, { ranking: { models: [{ model: "a", low: 0.4 }] }, overTime: [{ hour: "h", votes: 2 }], extraFigure: 1 });
    expect(differingParts(ranked(0.4), later)).toEqual(["the totals", "votes over time", "extraFigure"]);
    // Figures frozen before the anytime intervals: their absence is no difference.
    expect(differingParts(results(3, { comparisons: [] }), results(3, { comparisons: [], sequential: { level: 0.05 } }))).toEqual([]);
  });
});
