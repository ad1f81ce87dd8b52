import { describe, expect, it } from "vitest";
import { orient } from "./orient";

describe("orient", () => {
  it("puts output A on the left only when leftIsA", () => {
    expect(orient(true, "a", "b")).toEqual({ left: "a", right: "b" });
    expect(orient(false, "a", "b")).toEqual({ left: "b", right: "a" });
  });
});
