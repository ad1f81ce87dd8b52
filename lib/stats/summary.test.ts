import { describe, it, expect } from "vitest";
import { mean, median, quantileSorted } from "./summary";

describe("median", () => {
  it("takes the middle value or the average of the two middle values", () => {
    // Hand: sorted [1, 3, 5] -> 3; sorted [1, 2, 3, 4] -> (2 + 3) / 2 = 2.5.
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("returns null for no values and does not mutate input", () => {
    expect(median([])).toBeNull();
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("quantileSorted", () => {
  it("interpolates like R's type 7 quantile", () => {
    // R: quantile(1:10, c(0, .025, .25, .975, 1)) = 1, 1.225, 3.25, 9.775, 10
    // (hand: h = 9q; 9 * 0.025 = 0.225 -> 1 + 0.225; 9 * 0.975 = 8.775 -> 9 + 0.775).
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileSorted(xs, 0)).toBe(1);
    expect(quantileSorted(xs, 0.025)).toBeCloseTo(1.225, 12);
    expect(quantileSorted(xs, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantileSorted(xs, 0.975)).toBeCloseTo(9.775, 12);
    expect(quantileSorted(xs, 1)).toBe(10);
  });

  it("handles empty input and rejects q outside [0, 1]", () => {
    expect(quantileSorted([], 0.5)).toBeNull();
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
  });
});

describe("mean", () => {
  it("averages values", () => {
    // Hand: (1 + 2 + 6) / 3 = 3.
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });
});
