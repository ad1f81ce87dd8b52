import { describe, it, expect } from "vitest";
import { stoppingDecision } from "./stopping";

const decided = { low: 0.55, high: 0.7 };
const open = { low: 0.45, high: 0.6 };

describe("stoppingDecision", () => {
  it("runs while a comparison is open and budget remains", () => {
    expect(stoppingDecision({ intervals: [decided, open], votes: 10, budget: 100 })).toEqual({ stop: false, reason: null, decided: 1 });
  });

  it("stops as decided when every interval excludes 1/2 (on either side)", () => {
    const below = { low: 0.2, high: 0.49 };
    expect(stoppingDecision({ intervals: [decided, below], votes: 10, budget: 100 })).toEqual({ stop: true, reason: "decided", decided: 2 });
  });

  it("an interval touching 1/2 is not decided", () => {
    expect(stoppingDecision({ intervals: [{ low: 0.5, high: 0.8 }], votes: 1, budget: 100 }).stop).toBe(false);
  });

  it("stops at the budget, decided winning when both hold", () => {
    expect(stoppingDecision({ intervals: [open], votes: 100, budget: 100 }).reason).toBe("budget");
    expect(stoppingDecision({ intervals: [decided], votes: 100, budget: 100 }).reason).toBe("decided");
  });

  it("stops when nothing is left to vote on", () => {
    expect(stoppingDecision({ intervals: [open], votes: 50, budget: 100, exhausted: true }).reason).toBe("exhausted");
  });

  it("no comparisons: not decided, runs until the budget", () => {
    expect(stoppingDecision({ intervals: [], votes: 0, budget: 10 }).stop).toBe(false);
  });
});
