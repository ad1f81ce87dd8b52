import { describe, expect, it } from "vitest";
import { lineAtByte, positionAt } from "./text-position";

describe("positionAt", () => {
  it("counts lines and columns from 1", () => {
    const text = "ab\ncd\r\nef";
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt(text, 7)).toEqual({ line: 3, column: 1 });
  });

  it("clamps offsets past the end", () => {
    expect(positionAt("ab\nc", 99)).toEqual({ line: 2, column: 2 });
  });
});

describe("lineAtByte", () => {
  it("counts LF bytes before the offset", () => {
    const bytes = new TextEncoder().encode("a\nb\nc");
    expect(lineAtByte(bytes, 0)).toBe(1);
    expect(lineAtByte(bytes, 2)).toBe(2);
    expect(lineAtByte(bytes, 4)).toBe(3);
  });
});
