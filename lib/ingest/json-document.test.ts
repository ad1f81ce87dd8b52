import { describe, expect, it } from "vitest";
import { parseJsonDocument } from "./json-document";

function errorOf(text: string, maxDepth = 8): string {
  const result = parseJsonDocument(text, maxDepth);
  if (result.ok) throw new Error("expected a JSON error");
  return result.error.message;
}

describe("parseJsonDocument", () => {
  it("parses valid JSON", () => {
    expect(parseJsonDocument('[{"a":1}]', 8)).toEqual({ ok: true, value: [{ a: 1 }] });
  });

  it("explains a truncated file and names the last complete row", () => {
    const text = '[\n  {"a": 1},\n  {"a": 2},\n  {"a": "thr';
    expect(errorOf(text)).toBe(
      "the JSON ends unexpectedly at line 4 — the file looks truncated; the last complete row is row 2",
    );
  });

  it("explains truncation right after the opening bracket too", () => {
    expect(errorOf('[\n  {"a": ')).toBe("the JSON ends unexpectedly at line 2 — the file looks truncated");
  });

  it("gives line and column for a syntax error in the middle", () => {
    expect(errorOf('[\n  {"a": 1}}\n]')).toMatch(/^invalid JSON at line 2, column 11: /);
  });

  it("does not call a mismatched bracket mid-file a truncation", () => {
    expect(errorOf('[{"a": 1]\n, {"b": 2}]')).toMatch(/^invalid JSON at line 1/);
  });

  it("rejects nesting deeper than the limit before parsing", () => {
    // The fifth opening bracket is the third "[", at column 10.
    expect(errorOf('[{"a": [[["deep"]]]}]', 4)).toBe(
      "the JSON is nested too deeply (more than 4 levels) at line 1, column 10",
    );
  });
});
