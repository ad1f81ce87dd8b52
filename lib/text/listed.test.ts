import { describe, expect, it } from "vitest";
import { listed } from "./listed";

describe("listed", () => {
  it("joins none, one, two and three labels as a sentence does", () => {
    expect(listed([])).toBe("");
    expect(listed(["the totals"])).toBe("the totals");
    expect(listed(["the totals", "the ranking"])).toBe("the totals and the ranking");
    expect(listed(["a", "b", "c"])).toBe("a, b and c");
  });
});
