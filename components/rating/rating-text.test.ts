import { describe, expect, it } from "vitest";
import { judgedTurnLabel, pairAnnouncement } from "./rating-text";

describe("judgedTurnLabel", () => {
  it("names the judged turn and the conversation's length, or the whole conversation", () => {
    expect(judgedTurnLabel({ turn: 2, turns: 2, whole: false })).toBe("Judge the answers to turn 2 of 2");
    expect(judgedTurnLabel({ turn: 1, turns: 3, whole: false })).toBe("Judge the answers to turn 1 of 3");
    expect(judgedTurnLabel({ turn: 3, turns: 3, whole: true })).toBe("Judge the whole conversation (3 turns)");
    expect(judgedTurnLabel({ turn: 1, turns: 1, whole: true })).toBe("Judge the answers");
  });
});

describe("pairAnnouncement", () => {
  it("says the judged turn after the pair's number in a conversation", () => {
    const progress = { judgedByYou: 0, studyVotes: 0, studyVotesWanted: 2, yourQuota: 2, leftForYou: 2, yourMedianMs: null };
    expect(pairAnnouncement(progress)).toBe("Now on pair 1 of 2.");
    expect(pairAnnouncement(progress, { earlier: [], user: "u", turn: 2, turns: 2, whole: false })).toBe("Now on pair 1 of 2. Judge the answers to turn 2 of 2.");
  });
});
