import { describe, expect, it } from "vitest";
import { judgedTurnLabel } from "./rating-text";

describe("judgedTurnLabel", () => {
  it("names the judged turn and the conversation's length, or the whole conversation", () => {
    expect(judgedTurnLabel({ turn: 2, turns: 2, whole: false })).toBe("Judge the answers to turn 2 of 2");
    expect(judgedTurnLabel({ turn: 1, turns: 3, whole: false })).toBe("Judge the answers to turn 1 of 3");
    expect(judgedTurnLabel({ turn: 3, turns: 3, whole: true })).toBe("Judge the whole conversation (3 turns)");
    expect(judgedTurnLabel({ turn: 1, turns: 1, whole: true })).toBe("Judge the answers");
  });
});
