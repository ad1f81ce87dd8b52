import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

describe("sameOriginPath", () => {
  it("keeps the app's own paths, with their query and fragment", () => {
    expect(sameOriginPath("/studies/abc/rate")).toBe("/studies/abc/rate");
    expect(sameOriginPath("/join/tok?x=1#top")).toBe("/join/tok?x=1#top");
  });

  it("refuses every way of naming another host or scheme", () => {
    for (const hostile of ["/\\evil.example/phish", "/\\/evil.example", "//evil.example", "///evil.example", "https://evil.example", "javascript:alert(1)", "\\\\evil.example", " /x", "/\t/evil.example", ""]) {
      expect(sameOriginPath(hostile), JSON.stringify(hostile)).toBe("/");
    }
    expect(sameOriginPath(undefined, "/rate")).toBe("/rate");
  });
});
