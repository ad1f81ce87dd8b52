import { describe, it, expect } from "vitest";
import { lengthBias } from "./length-bias";

describe("lengthBias", () => {
  it("tests the longer-wins share against 50%", () => {
    // Hand: 7 of 10 -> share 0.7, p = 0.34375 (binomial.test.ts).
    const r = lengthBias({ longerWins: 7, shorterWins: 3 });
    expect(r.share).toBeCloseTo(0.7, 14);
    expect(r.pValue).toBeCloseTo(0.34375, 12);
  });
});
