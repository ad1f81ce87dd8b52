import { describe, expect, it } from "vitest";
import { krippendorffAlphaBinary, krippendorffAlphaNominal } from "./krippendorff-alpha";

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12 units,
// null = no value. Nominal alpha is published as 0.743.
const OBSERVERS: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

function unitsAsMaps(): Map<number, number>[] {
  return OBSERVERS[0]!.map((_, u) => {
    const counts = new Map<number, number>();
    for (const row of OBSERVERS) {
      const v = row[u];
      if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return counts;
  });
}

describe("krippendorffAlphaNominal", () => {
  it("reproduces Krippendorff's (2011) example: alpha = 0.743", () => {
    const r = krippendorffAlphaNominal(unitsAsMaps());
    // Unit 12 has one value and is dropped: 11 units, n = 40 values, n_c = 9, 13, 10, 5, 3.
    expect(r.units).toBe(11);
    expect(r.values).toBe(40);
    // Off-diagonal coincidences: unit 2 (2,2,3,2) 6/3, unit 6 (1,2,3,4) 12/3, unit 8 (1,1,2,1) 6/3 = 8.
    // D_o = 8/40; D_e = (1600 - 384) / (40 * 39) = 1216/1560; alpha = 1 - 39 * 8 / 1216 = 0.743421.
    expect(r.observed).toBeCloseTo(8 / 40, 12);
    expect(r.expected).toBeCloseTo(1216 / 1560, 12);
    expect(r.alpha).toBeCloseTo(0.743, 3);
    expect(r.alpha).toBeCloseTo(1 - 312 / 1216, 12);
  });

  it("takes arrays indexed by category just the same", () => {
    const arrays = unitsAsMaps().map((m) => [0, 1, 2, 3, 4, 5].map((v) => m.get(v) ?? 0));
    expect(krippendorffAlphaNominal(arrays).alpha).toBeCloseTo(1 - 312 / 1216, 12);
  });

  it("is null without pairable values", () => {
    expect(krippendorffAlphaNominal([])).toEqual({ alpha: null, units: 0, values: 0, observed: null, expected: null });
    expect(krippendorffAlphaNominal([[1, 0], [0, 1]]).alpha).toBeNull();
  });

  it("is null when every pairable value is in one category (D_e = 0)", () => {
    const r = krippendorffAlphaNominal([[3, 0], [2, 0], [0, 1]]);
    expect(r).toMatchObject({ alpha: null, units: 2, values: 5, observed: 0, expected: 0 });
  });
});

describe("krippendorffAlphaBinary", () => {
  it("perfect agreement with both categories used is 1", () => {
    expect(krippendorffAlphaBinary([{ rated: 3, marked: 3 }, { rated: 2, marked: 0 }, { rated: 4, marked: 0 }]).alpha).toBe(1);
  });

  it("a hand-computed case from the coincidence matrix", () => {
    // Units (not, marked): (0,3), (3,0), (1,1), and (0,1) with one rating, dropped.
    // Coincidences: o_00 = 3*2/2 = 3, o_11 = 3, o_01 = o_10 = 1*1/1 = 1; n_0 = n_1 = 4, n = 8.
    // D_o = 2/8, D_e = 2 * 4 * 4 / (8 * 7) = 32/56, alpha = 1 - 0.25 * 56/32 = 0.5625.
    const r = krippendorffAlphaBinary([{ rated: 3, marked: 3 }, { rated: 3, marked: 0 }, { rated: 2, marked: 1 }, { rated: 1, marked: 1 }]);
    expect(r).toMatchObject({ units: 3, values: 8 });
    expect(r.alpha).toBeCloseTo(0.5625, 12);
  });

  it("systematic disagreement goes below 0", () => {
    // Two units (1,1): o_01 = o_10 = 2, n_0 = n_1 = 2, n = 4: D_o = 1, D_e = 8/12, alpha = 1 - 1.5 = -0.5.
    expect(krippendorffAlphaBinary([{ rated: 2, marked: 1 }, { rated: 2, marked: 1 }]).alpha).toBeCloseTo(-0.5, 12);
  });

  it("matches the general form on the same units", () => {
    const units = Array.from({ length: 40 }, (_, i) => ({ rated: i % 5, marked: (i * 7) % ((i % 5) + 1) }));
    const general = krippendorffAlphaNominal(units.map((u) => [u.rated - u.marked, u.marked]));
    const binary = krippendorffAlphaBinary(units);
    expect(binary.units).toBe(general.units);
    expect(binary.values).toBe(general.values);
    expect(binary.alpha).toBeCloseTo(general.alpha!, 12);
  });

  it("rejects marked above rated", () => {
    expect(() => krippendorffAlphaBinary([{ rated: 1, marked: 2 }])).toThrow(RangeError);
  });
});
