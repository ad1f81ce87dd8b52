import { describe, it, expect } from "vitest";
import { countMajorities, majorityOutcome } from "./majority";

describe("majorityOutcome", () => {
  it("follows the documented rule", () => {
    expect(majorityOutcome({ winsA: 3, winsB: 1, ties: 1 })).toBe("A");
    expect(majorityOutcome({ winsA: 0, winsB: 2, ties: 1, bothBad: 0 })).toBe("B");
    // A = B -> tie.
    expect(majorityOutcome({ winsA: 2, winsB: 2, ties: 0 })).toBe("tie");
    // Tie bloc (1 + 2 = 3) at least as large as the leader (3) -> tie.
    expect(majorityOutcome({ winsA: 3, winsB: 0, ties: 1, bothBad: 2 })).toBe("tie");
    expect(majorityOutcome({ winsA: 0, winsB: 0, ties: 0 })).toBeNull();
  });
});

describe("countMajorities", () => {
  it("counts prompts per outcome", () => {
    const counts = countMajorities([
      { winsA: 3, winsB: 1, ties: 0 },
      { winsA: 1, winsB: 3, ties: 0 },
      { winsA: 1, winsB: 3, ties: 0 },
      { winsA: 1, winsB: 1, ties: 0 },
      { winsA: 0, winsB: 0, ties: 0 },
    ]);
    expect(counts).toEqual({ A: 1, B: 2, tie: 1, empty: 1 });
  });
});
