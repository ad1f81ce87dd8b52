import { describe, it, expect } from "vitest";
import { pluralityLabel, raterMajorityAgreement } from "./rater-agreement";

const item = (...pairs: [string, string][]) => pairs.map(([rater, label]) => ({ rater, label }));

describe("raterMajorityAgreement", () => {
  it("compares each rater with the others' majority", () => {
    // Hand, per item:
    // 1: r1 A, r2 A, r3 B -> r1 and r2 see others split {A, B}: skipped; r3 sees {A, A}: disagrees.
    // 2: all A            -> everyone sees {A, A}: agrees.
    // 3: r1 B, r2 tie     -> r1 sees {tie}: disagrees; r2 sees {B}: disagrees.
    // 4: r4 alone         -> nobody else: skipped.
    // 5: r1 B, r2 B, r3 A -> r1, r2 see split: skipped; r3 sees {B, B}: disagrees.
    // Totals: r1 1/2, r2 1/2, r3 1/3, r4 0/0.
    const result = raterMajorityAgreement([
      item(["r1", "A"], ["r2", "A"], ["r3", "B"]),
      item(["r1", "A"], ["r2", "A"], ["r3", "A"]),
      item(["r1", "B"], ["r2", "tie"]),
      item(["r4", "A"]),
      item(["r1", "B"], ["r2", "B"], ["r3", "A"]),
    ]);
    expect(result).toEqual([
      { rater: "r1", agreed: 1, compared: 2, rate: 0.5 },
      { rater: "r2", agreed: 1, compared: 2, rate: 0.5 },
      { rater: "r3", agreed: 1, compared: 3, rate: 1 / 3 },
      { rater: "r4", agreed: 0, compared: 0, rate: null },
    ]);
  });

  it("excludes every rating by the same rater from 'the others'", () => {
    // r1 rated the item twice; only r2's A counts as the others' majority for r1.
    const result = raterMajorityAgreement([item(["r1", "B"], ["r1", "B"], ["r2", "A"])]);
    expect(result[0]).toEqual({ rater: "r1", agreed: 0, compared: 2, rate: 0 });
  });
});

describe("pluralityLabel", () => {
  it("returns the unique most common label or null", () => {
    expect(pluralityLabel(new Map([["A", 2], ["B", 1]]))).toBe("A");
    expect(pluralityLabel(new Map([["A", 2], ["B", 2]]))).toBeNull();
    expect(pluralityLabel(new Map())).toBeNull();
  });
});
