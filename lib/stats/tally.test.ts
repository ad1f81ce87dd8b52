import { describe, it, expect } from "vitest";
import { assertTally, tallyScore, tallyTotal } from "./tally";

describe("tally helpers", () => {
  it("totals and scores with draws as half", () => {
    // Hand: total 90 + 89 + 12 + 3 = 194; score 90 + 0.5 * (12 + 3) = 97.5.
    const t = { winsA: 90, winsB: 89, ties: 12, bothBad: 3 };
    expect(tallyTotal(t)).toBe(194);
    expect(tallyScore(t)).toBe(97.5);
    // bothBad is optional and defaults to 0.
    expect(tallyTotal({ winsA: 1, winsB: 2, ties: 3 })).toBe(6);
    expect(tallyScore({ winsA: 1, winsB: 2, ties: 3 })).toBe(2.5);
  });

  it("rejects negative, NaN and infinite counts", () => {
    expect(() => assertTally({ winsA: -1, winsB: 0, ties: 0 })).toThrow(RangeError);
    expect(() => assertTally({ winsA: 0, winsB: Number.NaN, ties: 0 })).toThrow(RangeError);
    expect(() => assertTally({ winsA: 0, winsB: 0, ties: Infinity })).toThrow(RangeError);
    expect(() => assertTally({ winsA: 0, winsB: 0, ties: 0, bothBad: -2 })).toThrow(RangeError);
  });
});
