import { describe, it, expect } from "vitest";
import { positionBias } from "./position-bias";

describe("positionBias", () => {
  it("reports the left share with a sign test", () => {
    // Hand: 9 of 10 decisive votes went left -> share 0.9, p = 22 / 1024 = 0.021484375.
    const r = positionBias({ leftWins: 9, rightWins: 1 });
    expect(r.share).toBeCloseTo(0.9, 14);
    expect(r.pValue).toBeCloseTo(0.021484375, 12);
  });

  it("finds no bias in an even split", () => {
    const r = positionBias({ leftWins: 50, rightWins: 50 });
    expect(r.share).toBe(0.5);
    expect(r.pValue).toBe(1);
  });
});
