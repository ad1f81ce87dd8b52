import { describe, expect, it } from "vitest";
import { mcnemarExact } from "./mcnemar";

// Hand: p = min(1, 2 * sum_{i <= min(b,c)} C(b+c, i) / 2^(b+c)).

describe("mcnemarExact", () => {
  it("b = 1, c = 9: 2 (1 + 10) / 1024", () => {
    const t = mcnemarExact(1, 9);
    expect(t).toMatchObject({ b: 1, c: 9, discordant: 10 });
    expect(t.pValue).toBeCloseTo(0.021484375, 12);
  });

  it("is symmetric in b and c", () => {
    expect(mcnemarExact(9, 1).pValue).toBeCloseTo(0.021484375, 12);
  });

  it("b = 0, c = 5: 2 / 32", () => {
    expect(mcnemarExact(0, 5).pValue).toBeCloseTo(0.0625, 12);
  });

  it("b = 2, c = 10: 2 (1 + 12 + 66) / 4096", () => {
    expect(mcnemarExact(2, 10).pValue).toBeCloseTo(158 / 4096, 12);
  });

  it("b = c gives 1, and so does the nearest odd split (the doubled tail passes 1)", () => {
    expect(mcnemarExact(4, 4).pValue).toBe(1);
    // 2 P(X <= 2 | n = 5) = 2 * 16/32 = 1.
    expect(mcnemarExact(2, 3).pValue).toBe(1);
  });

  it("no discordant pairs: p = 1", () => {
    expect(mcnemarExact(0, 0)).toEqual({ b: 0, c: 0, discordant: 0, pValue: 1 });
  });

  it("rejects negative or fractional counts", () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(/b must be/);
    expect(() => mcnemarExact(3, -1)).toThrow(/c must be/);
    expect(() => mcnemarExact(1.5, 2)).toThrow(RangeError);
  });
});
