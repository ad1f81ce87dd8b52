import { describe, expect, it } from "vitest";
import { findInvalidUtf8Offset } from "./utf8-offset";

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("findInvalidUtf8Offset", () => {
  it("returns null for valid text, including 2-, 3- and 4-byte characters", () => {
    expect(findInvalidUtf8Offset(utf8("aé€😀"))).toBeNull();
  });

  it.each([
    ["a lone continuation byte", bytes(0x61, 0x80), 1],
    ["a Windows-1252 é (0xE9) before ASCII", bytes(0x63, 0x61, 0x66, 0xe9, 0x20), 3],
    ["a sequence cut off by the end", bytes(0x61, 0xe2, 0x82), 1],
    ["an overlong encoding (C0 AF)", bytes(0xc0, 0xaf), 0],
    ["an overlong 3-byte form (E0 80 80)", bytes(0xe0, 0x80, 0x80), 0],
    ["a UTF-16 surrogate (ED A0 80)", bytes(0xed, 0xa0, 0x80), 0],
    ["a code point above U+10FFFF (F4 90 80 80)", bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ["0xFF", bytes(0x41, 0x42, 0xff), 2],
  ])("finds %s", (_name, input, offset) => {
    expect(findInvalidUtf8Offset(input)).toBe(offset);
  });

  it("agrees with TextDecoder's fatal mode on pseudo-random bytes", () => {
    // Fixed LCG so a failure is reproducible; biased toward high bytes to hit edge cases.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (let trial = 0; trial < 2000; trial += 1) {
      const sample = Uint8Array.from({ length: 6 }, () => (next() % 3 === 0 ? next() % 128 : 0x80 + (next() % 128)));
      let valid = true;
      try {
        decoder.decode(sample);
      } catch {
        valid = false;
      }
      expect(findInvalidUtf8Offset(sample) === null).toBe(valid);
    }
  });
});
