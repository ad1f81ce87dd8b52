import { describe, expect, it } from "vitest";
import { crossAgreement, withinAgreement } from "./panel-agreement";

describe("crossAgreement (MT-Bench's agreement between two kinds of judges)", () => {
  it("compares every judgment of one kind with every judgment of the other on the same item", () => {
    // Item 1: ours A, A, tie; panel A, B. Pairs: (A,A) (A,B) (A,A) (A,B) (tie,A) (tie,B) → 2 of 6 agree.
    // Without ties: the four pairs of our two A votes with the panel's A and B → 2 of 4.
    // Item 2: ours tie; panel tie → 1 of 1 with ties, nothing compared without.
    const r = crossAgreement([
      { x: { a: 2, b: 0, tie: 1 }, y: { a: 1, b: 1, tie: 0 } },
      { x: { a: 0, b: 0, tie: 1 }, y: { a: 0, b: 0, tie: 1 } },
    ]);
    expect(r.withTie).toEqual({ agreed: 3, compared: 7, rate: 3 / 7 });
    expect(r.withoutTie).toEqual({ agreed: 2, compared: 4, rate: 0.5 });
  });

  it("weighs items sharing the same counts by n", () => {
    const one = crossAgreement([{ x: { a: 1, b: 0, tie: 0 }, y: { a: 0, b: 1, tie: 1 } }]);
    const three = crossAgreement([{ x: { a: 1, b: 0, tie: 0 }, y: { a: 0, b: 1, tie: 1 }, n: 3 }]);
    expect(one.withTie).toEqual({ agreed: 0, compared: 2, rate: 0 });
    expect(three.withTie).toEqual({ agreed: 0, compared: 6, rate: 0 });
    expect(three.withoutTie).toEqual({ agreed: 0, compared: 3, rate: 0 });
  });

  it("has no rate when one side has no judgment", () => {
    expect(crossAgreement([{ x: { a: 0, b: 0, tie: 0 }, y: { a: 2, b: 0, tie: 0 } }])).toEqual({
      withTie: { agreed: 0, compared: 0, rate: null }, withoutTie: { agreed: 0, compared: 0, rate: null },
    });
    expect(crossAgreement([]).withTie.rate).toBeNull();
  });
});

describe("withinAgreement (one kind of judges with itself)", () => {
  it("compares every two judgments of the same item", () => {
    // A, A, B, tie: 6 pairs; agreeing: (A,A) → 1 of 6. Without ties: A, A, B → 3 pairs, 1 agrees.
    // A, A: 1 of 1. A single judgment: nothing to compare.
    const r = withinAgreement([{ x: { a: 2, b: 1, tie: 1 } }, { x: { a: 2, b: 0, tie: 0 } }, { x: { a: 0, b: 0, tie: 1 } }]);
    expect(r.withTie).toEqual({ agreed: 2, compared: 7, rate: 2 / 7 });
    expect(r.withoutTie).toEqual({ agreed: 2, compared: 4, rate: 0.5 });
  });

  it("counts two ties as agreeing with ties and leaves them out without", () => {
    const r = withinAgreement([{ x: { a: 0, b: 1, tie: 2 }, n: 2 }]);
    // Per item: 3 pairs, (tie,tie) agrees; without ties nothing is left.
    expect(r.withTie).toEqual({ agreed: 2, compared: 6, rate: 1 / 3 });
    expect(r.withoutTie).toEqual({ agreed: 0, compared: 0, rate: null });
  });
});
