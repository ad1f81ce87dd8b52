import { describe, expect, it } from "vitest";
import { judgmentsText, shortChoiceLabel } from "./criteria-text";

describe("criteria text", () => {
  it("names choices by side only", () => {
    expect(["LEFT", "RIGHT", "TIE", "BOTH_BAD"].map((c) => shortChoiceLabel(c as never))).toEqual(["A", "B", "Tie", "Both bad"]);
  });

  it("says a vote on several criteria in the study's order, a missing one as a dash", () => {
    const criteria = [{ key: "overall", label: "Overall" }, { key: "helpful", label: "Helpful" }, { key: "harmless", label: "Harmless" }];
    expect(judgmentsText(criteria, { harmless: "TIE", overall: "LEFT", helpful: "BOTH_BAD" })).toBe("Overall: A, Helpful: Both bad, Harmless: Tie");
    expect(judgmentsText(criteria, { overall: "RIGHT" })).toBe("Overall: B, Helpful: —, Harmless: —");
  });
});
