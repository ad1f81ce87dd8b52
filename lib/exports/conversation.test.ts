import { describe, expect, it } from "vitest";
import { conversationMessages, turnsShown } from "./conversation";
import { voteBattle, voteCsv, voteCsvLine, voteJson } from "./formats";
import type { ExportConversation, ExportVote } from "./types";

const chat: ExportConversation = { system: "Be brief.", userTurns: ["Plan a trip", "Cheaper?"], turnsA: ["Day 1", "Walk"], turnsB: ["Belém", "Tram 28"] };

function vote(overrides: Partial<ExportVote> = {}): ExportVote {
  return {
    voteId: "v1", studyId: "s1", pairId: "p1", promptId: "q1", instruction: "Plan a trip", input: "", category: null,
    dataset: null, modelA: "alpaca", modelB: "davinci", leftIsA: false, choice: "LEFT", winner: "davinci",
    rater: "r_abc", servedAt: new Date("2026-01-01T10:00:00Z"), votedAt: new Date("2026-01-01T10:00:12Z"),
    msTaken: 12000, tooFast: false, flagged: false, rationale: null, gold: false, excluded: false, isDemo: false,
    issuesA: [], issuesB: [], criteria: [], outputA: "Walk", outputB: "Tram 28", ...overrides,
  };
}

describe("a conversation in the exports", () => {
  it("takes the turns up to the judged one, every turn for the whole conversation", () => {
    expect(turnsShown(chat, 1)).toBe(1);
    expect(turnsShown(chat, 0)).toBe(2);
    expect(conversationMessages(chat, "B", 1, false)).toEqual([{ role: "user", content: "Plan a trip" }, { role: "assistant", content: "Belém" }]);
    expect(conversationMessages(chat, "A", 0, true).map((m) => `${m.role}:${m.content}`))
      .toEqual(["system:Be brief.", "user:Plan a trip", "assistant:Day 1", "user:Cheaper?", "assistant:Walk"]);
  });

  it("leaves a single answer's records as they were: no turn, no messages, no conversations", () => {
    const single = vote({ turn: 0 });
    expect(Object.keys(voteJson(single))).toEqual(Object.keys(voteJson(vote())));
    expect(voteJson(single)).not.toHaveProperty("turn");
    expect(Object.keys(voteBattle(single))).toEqual(["question_id", "model_a", "model_b", "winner", "judge", "anony", "tstamp", "category", "dataset"]);
    expect(voteCsvLine(single, true)).toBe(voteCsv(single).replace(/\r\n$/, ",0\r\n"));
  });

  it("JSONL: messages_a are model_a's (output A), whichever side was on the left", () => {
    const json = voteJson(vote({ turn: 2, conversation: chat }));
    expect(json).toMatchObject({ turn: 2, model_a: "alpaca" });
    expect(json.messages_a?.at(-1)).toEqual({ role: "assistant", content: "Walk" });
    expect(json.messages_b?.at(-1)).toEqual({ role: "assistant", content: "Tram 28" });
  });

  it("battles: conversation_a is the left model's, as model_a is; turn as Arena counts it", () => {
    const battle = voteBattle(vote({ turn: 1, conversation: chat }));
    expect(battle).toMatchObject({ model_a: "davinci", model_b: "alpaca", winner: "model_a", turn: 1, system: "Be brief." });
    expect(battle).toHaveProperty("conversation_a", [{ role: "user", content: "Plan a trip" }, { role: "assistant", content: "Belém" }]);
    expect(battle).toHaveProperty("conversation_b", [{ role: "user", content: "Plan a trip" }, { role: "assistant", content: "Day 1" }]);
    const whole = voteBattle(vote({ leftIsA: true, choice: "TIE", winner: null, conversation: { ...chat, system: null } }));
    expect(whole).toMatchObject({ model_a: "alpaca", winner: "tie", turn: 2 });
    expect(whole).not.toHaveProperty("system");
  });
});
