import { describe, expect, it } from "vitest";
import { decodeUpload } from "./decode-text";

const limits = { maxBytes: 1_000 };
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

function errorOf(bytes: Uint8Array, maxBytes = limits.maxBytes): string {
  const result = decodeUpload(bytes, { maxBytes });
  if (result.ok) throw new Error("expected a decode error");
  return result.error.message;
}

describe("decodeUpload", () => {
  it("decodes UTF-8 text", () => {
    expect(decodeUpload(utf8("héllo"), limits)).toEqual({ ok: true, text: "héllo" });
  });

  it("accepts and strips a UTF-8 BOM", () => {
    const result = decodeUpload(concat(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8("[]")), limits);
    expect(result).toEqual({ ok: true, text: "[]" });
  });

  it("rejects an empty file and a whitespace-only file", () => {
    expect(errorOf(new Uint8Array())).toBe("the file is empty");
    expect(errorOf(utf8(" \n\t\r\n"))).toBe("the file is empty (only whitespace)");
  });

  it("rejects a file over the byte limit, naming both sizes", () => {
    expect(errorOf(utf8("x".repeat(11)), 10)).toBe(
      "the file is too large: 11 bytes (0.0 MB); the limit is 10 bytes (0.0 MB)",
    );
  });

  it("rejects UTF-16 with a hint instead of a NUL-byte complaint", () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x5b, 0x00, 0x5d, 0x00]);
    expect(errorOf(utf16)).toMatch(/UTF-16 encoded; save it as UTF-8/);
  });

  it("rejects a NUL byte with its offset and line", () => {
    expect(errorOf(concat(utf8("ab\ncd"), Uint8Array.from([0]), utf8("e")))).toMatch(
      /^the file contains a NUL byte at byte offset 5 \(line 2\)/,
    );
  });

  it("rejects invalid UTF-8 with the byte offset of the bad byte", () => {
    const latin1Cafe = concat(utf8("line one\ncaf"), Uint8Array.from([0xe9]), utf8(" au lait"));
    expect(errorOf(latin1Cafe)).toMatch(/^the file is not valid UTF-8 \(byte offset 12, line 2\)/);
  });
});
