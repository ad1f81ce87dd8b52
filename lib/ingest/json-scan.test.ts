import { describe, expect, it } from "vitest";
import { scanJson } from "./json-scan";

describe("scanJson", () => {
  it("sees a complete document as closed", () => {
    expect(scanJson('[{"a":"]}"},{"b":[1,2]}]', 8)).toEqual({
      tooDeepAt: null,
      openAtEnd: 0,
      endsInString: false,
      topLevelCommas: 1,
    });
  });

  it("ignores brackets, quotes and commas inside strings, including escaped quotes", () => {
    const scan = scanJson('["a,\\"[{", "b"]', 8);
    expect(scan.openAtEnd).toBe(0);
    expect(scan.topLevelCommas).toBe(1);
  });

  it("reports where nesting first exceeds the limit", () => {
    expect(scanJson("[[[[1]]]]", 3).tooDeepAt).toBe(3);
  });

  it("reports unclosed brackets and an open string at the end", () => {
    const scan = scanJson('[{"a":1},{"b":"tru', 8);
    expect(scan.openAtEnd).toBe(2);
    expect(scan.endsInString).toBe(true);
    expect(scan.topLevelCommas).toBe(1);
  });
});
