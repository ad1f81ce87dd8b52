import { describe, expect, it } from "vitest";
import { shortcutKeyOf } from "./shortcuts";

describe("shortcutKeyOf", () => {
  it("reads a digit as typed (top row or number pad)", () => {
    expect(shortcutKeyOf({ key: "2", code: "Digit2" })).toBe("2");
    expect(shortcutKeyOf({ key: "3", code: "Numpad3" })).toBe("3");
  });

  it("reads the digit row by place where its unshifted character is not a digit (AZERTY)", () => {
    expect(shortcutKeyOf({ key: "&", code: "Digit1" })).toBe("1");
    expect(shortcutKeyOf({ key: "é", code: "Digit2" })).toBe("2");
    expect(shortcutKeyOf({ key: "'", code: "Digit4" })).toBe("4");
  });

  it("leaves other keys as typed, and the number pad without Num Lock is no digit", () => {
    expect(shortcutKeyOf({ key: "u", code: "KeyU" })).toBe("u");
    expect(shortcutKeyOf({ key: "Enter", code: "NumpadEnter" })).toBe("Enter");
    expect(shortcutKeyOf({ key: "End", code: "Numpad1" })).toBe("End");
    // A synthetic event without a code (as some tests and assistive tools send).
    expect(shortcutKeyOf({ key: "2", code: "" })).toBe("2");
  });
});
