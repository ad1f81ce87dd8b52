import { describe, it, expect } from "vitest";
import { lengthBias, lengthCounts } from "./length-bias";

describe("lengthCounts", () => {
  it("credits wins to the longer or shorter side and skips equal lengths", () => {
    // Hand: pair 1 A longer: longer +4, shorter +1; pair 2 B longer: longer +3, shorter +2;
    // pair 3 equal lengths: skipped. Totals 7 and 3.
    const counts = lengthCounts([
      { lengthA: 900, lengthB: 300, winsA: 4, winsB: 1 },
      { lengthA: 100, lengthB: 250, winsA: 2, winsB: 3 },
      { lengthA: 500, lengthB: 500, winsA: 10, winsB: 0 },
    ]);
    expect(counts).toEqual({ longerWins: 7, shorterWins: 3 });
  });
});

describe("lengthBias", () => {
  it("tests the longer-wins share against 50%", () => {
    // Hand: 7 of 10 -> share 0.7, p = 0.34375 (binomial.test.ts).
    const r = lengthBias({ longerWins: 7, shorterWins: 3 });
    expect(r.share).toBeCloseTo(0.7, 14);
    expect(r.pValue).toBeCloseTo(0.34375, 12);
  });
});
