import { describe, it, expect } from "vitest";
import { binomialLogPmf, binomialTest, verdict } from "./binomial";

describe("binomialLogPmf", () => {
  it("gives exact small probabilities", () => {
    // Hand: P(X = 7 | n = 10, p = 1/2) = C(10,7) / 2^10 = 120 / 1024.
    expect(Math.exp(binomialLogPmf(7, 10, 0.5))).toBeCloseTo(120 / 1024, 14);
    // Hand: P(X = 2 | n = 5, p = 0.3) = 10 * 0.09 * 0.343 = 0.3087.
    expect(Math.exp(binomialLogPmf(2, 5, 0.3))).toBeCloseTo(0.3087, 14);
    expect(binomialLogPmf(11, 10, 0.5)).toBe(-Infinity);
  });
});

describe("binomialTest (sign test, p = 1/2)", () => {
  it("7 of 10", () => {
    // Hand: P(X >= 7) = (120 + 45 + 10 + 1) / 1024 = 176 / 1024; two-sided doubles it = 0.34375.
    expect(binomialTest(7, 10)).toBeCloseTo(0.34375, 12);
    expect(binomialTest(3, 10)).toBeCloseTo(0.34375, 12);
  });

  it("9 of 10", () => {
    // Hand: P(X >= 9) = (10 + 1) / 1024; doubled = 22 / 1024 = 0.021484375.
    expect(binomialTest(9, 10)).toBeCloseTo(0.021484375, 12);
  });

  it("10 of 10 and 0 of 10", () => {
    // Hand: 2 / 1024 = 0.001953125.
    expect(binomialTest(10, 10)).toBeCloseTo(0.001953125, 14);
    expect(binomialTest(0, 10)).toBeCloseTo(0.001953125, 14);
  });

  it("90 versus 89 is exactly 1", () => {
    // Hand: n = 179 is odd and symmetric, so P(89) = P(90) is the largest probability;
    // every outcome is "at most as likely" as the observed one and the p-value is 1.
    expect(binomialTest(90, 179)).toBe(1);
    expect(binomialTest(89, 179)).toBe(1);
  });

  it("an exactly even split is 1", () => {
    expect(binomialTest(5, 10)).toBe(1);
  });

  it("584 versus 205 is tiny", () => {
    // Exact rational arithmetic (Python fractions + math.comb summing every C(789, i) / 2^789
    // no larger than C(789, 584) / 2^789): 6.0841440632036e-43.
    const p = binomialTest(584, 789);
    expect(p / 6.0841440632036e-43).toBeCloseTo(1, 9);
  });

  it("60 of 100", () => {
    // Exact rational arithmetic as above: 2 * P(X >= 60) = 0.05688793364098079 (R: 0.05689).
    expect(binomialTest(60, 100)).toBeCloseTo(0.056887933640981, 12);
  });

  it("0 of 0 is 1", () => {
    expect(binomialTest(0, 0)).toBe(1);
  });

  it("is stable and fast at n = 1,000,000", () => {
    // Hand (normal approximation with continuity correction, accurate to ~1e-5 at this n):
    // z = (501000 - 0.5 - 500000) / 500 = 1.999, two-sided 2 * (1 - Phi(1.999)) = 0.04561.
    const start = performance.now();
    expect(binomialTest(501_000, 1_000_000)).toBeCloseTo(0.0456, 3);
    expect(binomialTest(500_000, 1_000_000)).toBe(1);
    // Hand: z = (510000 - 0.5 - 500000) / 500 = 20; two-sided tail ~ 5.5e-89 (normal approx),
    // so only the order of magnitude is checked.
    const far = binomialTest(510_000, 1_000_000);
    expect(far).toBeGreaterThan(1e-92);
    expect(far).toBeLessThan(1e-86);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it("is symmetric under swapping sides", () => {
    expect(binomialTest(123, 400)).toBeCloseTo(binomialTest(277, 400), 14);
  });
});

describe("binomialTest (general p)", () => {
  it("reproduces R's documented Mendel example", () => {
    // R documentation for binom.test: binom.test(c(682, 243), p = 3/4) -> p-value = 0.3825.
    expect(binomialTest(682, 925, 0.75)).toBeCloseTo(0.3825, 4);
  });

  it("handles an asymmetric small case by hand", () => {
    // n = 5, p = 0.3, k = 3. pmf: 0.16807, 0.36015, 0.3087, 0.1323, 0.02835, 0.00243.
    // Observed P(3) = 0.1323; outcomes no more likely: 3, 4, 5 -> 0.1323 + 0.02835 + 0.00243 = 0.16308.
    expect(binomialTest(3, 5, 0.3)).toBeCloseTo(0.16308, 12);
    // k = 0: P(0) = 0.16807; outcomes no more likely: 0, 3, 4, 5 -> 0.16807 + 0.16308 = 0.33115.
    expect(binomialTest(0, 5, 0.3)).toBeCloseTo(0.33115, 12);
  });

  it("handles p at the boundaries", () => {
    expect(binomialTest(0, 10, 0)).toBe(1);
    expect(binomialTest(1, 10, 0)).toBe(0);
    expect(binomialTest(10, 10, 1)).toBe(1);
  });

  it("rejects invalid arguments", () => {
    expect(() => binomialTest(11, 10)).toThrow(RangeError);
    expect(() => binomialTest(1.5, 10)).toThrow(RangeError);
    expect(() => binomialTest(1, 10, 1.2)).toThrow(RangeError);
  });
});

describe("verdict", () => {
  it("reads p-values in plain language", () => {
    expect(verdict(1)).toBe("no significant difference at 5%");
    expect(verdict(0.05)).toBe("no significant difference at 5%");
    expect(verdict(0.0499)).toBe("significant at 5%");
    expect(verdict(0.004, 0.01)).toBe("significant at 1%");
    expect(verdict(0.004, 0.001)).toBe("no significant difference at 0.1%");
  });
});
