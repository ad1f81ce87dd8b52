import { describe, expect, it } from "vitest";
import { issueAtKey, issueShortcut } from "./issue-keys";

describe("issue keys", () => {
  it("puts A's issues on ⇧1–⇧5 and B's on ⇧6–⇧0", () => {
    expect([0, 1, 2, 3, 4].map((i) => issueShortcut("A", i)?.label)).toEqual(["⇧1", "⇧2", "⇧3", "⇧4", "⇧5"]);
    expect([0, 1, 2, 3, 4].map((i) => issueShortcut("B", i)?.code)).toEqual(["Digit6", "Digit7", "Digit8", "Digit9", "Digit0"]);
    expect(issueShortcut("B", 4)).toEqual({ code: "Digit0", label: "⇧0", aria: "Shift+0" });
  });

  it("gives issues past the fifth no key", () => {
    expect(issueShortcut("A", 5)).toBeNull();
    expect(issueShortcut("B", 7)).toBeNull();
    expect(issueShortcut("A", -1)).toBeNull();
  });

  it("maps each key back to its side and issue, only for issues the study has", () => {
    for (const side of ["A", "B"] as const) {
      for (let i = 0; i < 5; i++) expect(issueAtKey(issueShortcut(side, i)!.code, 5)).toEqual({ side, index: i });
    }
    expect(issueAtKey("Digit3", 2)).toBeNull();
    expect(issueAtKey("Digit7", 2)).toEqual({ side: "B", index: 1 });
    expect(issueAtKey("Digit8", 2)).toBeNull();
    expect(issueAtKey("KeyA", 5)).toBeNull();
    expect(issueAtKey("Numpad1", 5)).toBeNull();
  });
});
