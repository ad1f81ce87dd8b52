import { describe, expect, it } from "vitest";
import { flagSchema, voteSchema } from "./vote";

describe("voteSchema", () => {
  it("accepts the four choices and treats a blank rationale as none", () => {
    expect(voteSchema.parse({ assignmentId: "abcdEFGH_-12", choice: "TIE", rationale: "   " })).toEqual({ assignmentId: "abcdEFGH_-12", choice: "TIE" });
    expect(voteSchema.parse({ assignmentId: "abcdEFGH_-12", choice: "LEFT", rationale: " clearer " }).rationale).toBe("clearer");
  });

  it("rejects unknown choices, odd ids and overlong rationales", () => {
    expect(voteSchema.safeParse({ assignmentId: "abcdEFGH", choice: "A" }).success).toBe(false);
    expect(voteSchema.safeParse({ assignmentId: "../etc", choice: "LEFT" }).success).toBe(false);
    expect(voteSchema.safeParse({ assignmentId: "abcdEFGH", choice: "LEFT", rationale: "x".repeat(4001) }).success).toBe(false);
  });
});

describe("flagSchema", () => {
  it("requires a reason", () => {
    expect(flagSchema.safeParse({ assignmentId: "abcdEFGH", reason: "  " }).error?.issues[0]?.message).toBe("Say what is wrong with this pair");
    expect(flagSchema.parse({ assignmentId: "abcdEFGH", reason: " cut off " }).reason).toBe("cut off");
  });
});
