import { describe, it, expect } from "vitest";
import { headToHeadMatrix } from "./head-to-head";

describe("headToHeadMatrix", () => {
  it("builds win rates with draws as half, merging both record directions", () => {
    // Hand: A vs B: A has 3 wins + 0.5 * 2 ties + 1 (from the reversed record) = 5 of 8 votes.
    // B vs C: B has 1 + 0.5 * 1 both-bad = 1.5 of 3. A and C never met.
    const h = headToHeadMatrix([
      { a: "A", b: "B", winsA: 3, winsB: 2, ties: 2 },
      { a: "B", b: "A", winsA: 0, winsB: 1, ties: 0 },
      { a: "B", b: "C", winsA: 1, winsB: 1, ties: 0, bothBad: 1 },
    ]);
    expect(h.models).toEqual(["A", "B", "C"]);
    expect(h.winRate).toEqual([
      [null, 5 / 8, null],
      [3 / 8, null, 0.5],
      [null, 0.5, null],
    ]);
    expect(h.votes).toEqual([
      [0, 8, 0],
      [8, 0, 3],
      [0, 3, 0],
    ]);
  });
});
