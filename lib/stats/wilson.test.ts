import { describe, it, expect } from "vitest";
import { intervalExcludes, wilsonInterval, Z_95 } from "./wilson";

// Hand computation uses z^2 = 3.841458820694124 and
//   center = (p + z^2/(2n)) / (1 + z^2/n),
//   half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2)).

describe("wilsonInterval", () => {
  it("0 of 10 gives [0, z^2/(n+z^2)]", () => {
    // Hand: 3.841459 / 13.841459 = 0.2775328 (the textbook "rule of ~3/n" cousin).
    const ci = wilsonInterval(0, 10);
    expect(ci?.low).toBe(0);
    expect(ci?.high).toBeCloseTo(0.2775328, 6);
  });

  it("10 of 10 gives [n/(n+z^2), 1]", () => {
    // Hand: 10 / 13.841459 = 0.7224672.
    const ci = wilsonInterval(10, 10);
    expect(ci?.low).toBeCloseTo(0.7224672, 6);
    expect(ci?.high).toBe(1);
  });

  it("5 of 10 is symmetric about 1/2", () => {
    // Hand: center 0.5; denom = 1.3841459; half = (1.959964 / 1.3841459) * sqrt(0.025 + 0.0096036)
    //       = 1.4160097 * 0.1860206 = 0.2634069 -> [0.236593, 0.763407].
    const ci = wilsonInterval(5, 10);
    expect(ci?.low).toBeCloseTo(0.236593, 5);
    expect(ci?.high).toBeCloseTo(0.763407, 5);
  });

  it("90 of 179 (AlpacaEval-style near-even split)", () => {
    // Hand: p = 0.5027933, z^2/n = 0.0214607, denom = 1.0214607,
    //       center = (0.5027933 + 0.0107303) / 1.0214607 = 0.5027346,
    //       half = 1.9187856 * sqrt(0.0013966 + 0.0000300) = 1.9187856 * 0.0377701 = 0.0724726
    //       -> [0.430262, 0.575207].
    const ci = wilsonInterval(90, 179);
    expect(ci?.low).toBeCloseTo(0.430262, 5);
    expect(ci?.high).toBeCloseTo(0.575207, 5);
  });

  it("accepts fractional successes (ties counted as half)", () => {
    // 95.5 of 179 (e.g. 90 wins + 11 ties): p = 0.5335196,
    //       center = (0.5335196 + 0.0107303) / 1.0214607 = 0.5328153,
    //       half = 1.9187856 * sqrt(0.0013904 + 0.0000300) = 1.9187856 * 0.0376875 = 0.0723141
    //       -> [0.460501, 0.605129].
    const ci = wilsonInterval(95.5, 179);
    expect(ci?.low).toBeCloseTo(0.460501, 5);
    expect(ci?.high).toBeCloseTo(0.605129, 5);
  });

  it("returns null when there are no votes", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("narrows with a smaller z", () => {
    const wide = wilsonInterval(30, 50, Z_95);
    const narrow = wilsonInterval(30, 50, 1);
    expect(narrow && wide && narrow.high - narrow.low < wide.high - wide.low).toBe(true);
  });

  it("rejects impossible inputs", () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, -1)).toThrow(RangeError);
  });
});

describe("intervalExcludes", () => {
  it("is strict at the boundary", () => {
    expect(intervalExcludes({ low: 0.51, high: 0.7 }, 0.5)).toBe(true);
    expect(intervalExcludes({ low: 0.5, high: 0.7 }, 0.5)).toBe(false);
    expect(intervalExcludes({ low: 0.2, high: 0.49 }, 0.5)).toBe(true);
  });
});
