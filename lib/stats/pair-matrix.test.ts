import { describe, it, expect } from "vitest";
import { buildPairMatrix } from "./pair-matrix";

describe("buildPairMatrix", () => {
  it("sorts models and merges both directions with draws as half", () => {
    // Hand: models sorted [A, B].
    // A over B: (3 + 0.5 * 2 ties) from the A-vs-B record + (winsB 1 + 0.5 * 2 both bad) from the
    // reversed record = 4 + 2 = 6. B over A: (2 + 1) + (4 + 1) = 8. Check: 6 + 8 = 14 votes.
    const m = buildPairMatrix([
      { a: "B", b: "A", winsA: 4, winsB: 1, ties: 0, bothBad: 2 },
      { a: "A", b: "B", winsA: 3, winsB: 2, ties: 2 },
    ]);
    expect(m.models).toEqual(["A", "B"]);
    expect([...m.points]).toEqual([0, 6, 8, 0]);
  });

  it("rejects a model compared with itself", () => {
    expect(() => buildPairMatrix([{ a: "A", b: "A", winsA: 1, winsB: 0, ties: 0 }])).toThrow(RangeError);
  });
});
