import { describe, expect, it } from "vitest";
import { majorityText } from "./prompt-majority";

describe("majorityText", () => {
  const row = { modelA: "alpha", modelB: "beta", majority: null, held: null } as const;

  it("names the winner, a tie, or no votes", () => {
    expect(majorityText({ ...row, majority: "B" })).toBe("beta");
    expect(majorityText({ ...row, majority: "tie" })).toBe("tie");
    expect(majorityText(row)).toBe("no votes");
    expect(majorityText({ modelA: "alpha", modelB: "beta", majority: "A" })).toBe("alpha");
  });

  it("says why a sampled study's pair has no votes: left out by its prompt's draw, or its prompt not opened", () => {
    expect(majorityText({ ...row, held: "notDrawn" })).toBe("not drawn");
    expect(majorityText({ ...row, held: "notOpened" })).toBe("not opened yet");
  });
});
