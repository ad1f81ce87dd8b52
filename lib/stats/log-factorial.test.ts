import { describe, it, expect } from "vitest";
import { logChoose, logFactorial } from "./log-factorial";

describe("logFactorial", () => {
  it("is exact for small n", () => {
    // Hand: 0! = 1! = 1, 5! = 120, 10! = 3628800, 20! = 2432902008176640000.
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 13);
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 12);
    expect(logFactorial(20)).toBeCloseTo(Math.log(2432902008176640000), 12);
  });

  it("matches the published value of ln(1000!)", () => {
    // ln(1000!) = 5912.128178488163348878... (exact big-integer 1000! and a
    // 40-digit decimal logarithm; log10(1000!) = 2567.6046..., i.e. 2568 digits).
    expect(logFactorial(1000)).toBeCloseTo(5912.128178488163, 9);
  });

  it("is continuous across the table / Stirling boundary", () => {
    // log(256!) - log(255!) must equal log(256) exactly up to rounding.
    expect(logFactorial(256) - logFactorial(255)).toBeCloseTo(Math.log(256), 10);
    expect(logFactorial(300) - logFactorial(299)).toBeCloseTo(Math.log(300), 10);
  });

  it("agrees with lgamma at one million", () => {
    // lgamma(1e6 + 1) = 12815518.384658169 (C library lgamma via Python math.lgamma).
    expect(logFactorial(1_000_000)).toBeCloseTo(12815518.384658169, 6);
  });

  it("rejects non-integers and negatives", () => {
    expect(() => logFactorial(-1)).toThrow(RangeError);
    expect(() => logFactorial(2.5)).toThrow(RangeError);
  });
});

describe("logChoose", () => {
  it("gives log binomial coefficients", () => {
    // Hand: C(10, 3) = 120, C(52, 5) = 2598960 (poker hands).
    expect(logChoose(10, 3)).toBeCloseTo(Math.log(120), 12);
    expect(logChoose(52, 5)).toBeCloseTo(Math.log(2598960), 11);
    expect(logChoose(5, 6)).toBe(-Infinity);
  });
});
