import { describe, it, expect } from "vitest";
import { buildPairMatrix } from "./pair-matrix";

describe("buildPairMatrix", () => {
  it("sorts models and merges both directions with draws as half", () => {
    // Hand: models sorted [A, B]. A over B: 3 + 0.5 * (2 + 0) from the first record, plus
    // winsB = 1 of the reversed record = 5. B over A: 2 + 1 + 0 (first) + winsA 4 + 0.5 * 2 (second) = 8.
    const m = buildPairMatrix([
      { a: "B", b: "A", winsA: 4, winsB: 1, ties: 0, bothBad: 2 },
      { a: "A", b: "B", winsA: 3, winsB: 2, ties: 2 },
    ]);
    expect(m.models).toEqual(["A", "B"]);
    expect([...m.points]).toEqual([0, 5, 8, 0]);
  });

  it("rejects a model compared with itself", () => {
    expect(() => buildPairMatrix([{ a: "A", b: "A", winsA: 1, winsB: 0, ties: 0 }])).toThrow(RangeError);
  });
});
