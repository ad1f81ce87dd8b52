import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIngestErrors } from "./ingest-error";
import { parseJudgmentRow } from "./human-judgments";
import { readJudgmentFile } from "./judgment-file";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name));
const utf8 = (text: string) => new TextEncoder().encode(text);

const user = (content: string) => ({ role: "user", content });
const bot = (content: string) => ({ role: "assistant", content });
const base = {
  question_id: 81, model_a: "gpt-4", model_b: "alpaca-13b", winner: "model_a", judge: "expert_0", turn: 2,
  conversation_a: [user("Q1"), bot("A1"), user("Q2"), bot("A2")],
  conversation_b: [user("Q1"), bot("B1"), user("Q2"), bot("B2")],
};
const mt = (value: unknown) => parseJudgmentRow(3, value, "mt_bench_human_judgments", 1000);
const errorsOf = (result: ReturnType<typeof mt>) => (result.ok ? [] : formatIngestErrors(result.errors));

describe("parseJudgmentRow", () => {
  it("reads an MT-Bench row: the judged turn, both conversations' turns, ids as text", () => {
    expect(mt({ ...base, conversation_a: [{ role: "system", content: "Be brief." }, ...base.conversation_a], conversation_b: [{ role: "system", content: "Be brief." }, ...base.conversation_b] })).toEqual({
      ok: true,
      value: {
        row: 3, questionId: "81", modelA: "gpt-4", modelB: "alpaca-13b", winner: "model_a", judge: "expert_0", turn: 2,
        conversationA: { system: "Be brief.", userTurns: ["Q1", "Q2"], assistantTurns: ["A1", "A2"] },
        conversationB: { system: "Be brief.", userTurns: ["Q1", "Q2"], assistantTurns: ["B1", "B2"] },
      },
    });
  });

  it("judges the whole conversation (turn 0) in Arena's battles, and keeps 'tie (bothbad)'", () => {
    const row = parseJudgmentRow(1, { ...base, winner: "tie (bothbad)", turn: 2, anony: true }, "chatbot_arena_conversations", 1000);
    expect(row).toMatchObject({ ok: true, value: { turn: 0, winner: "tie (bothbad)" } });
  });

  it("joins a list judge (GPT-4 pair judgments) with '/'", () => {
    expect(mt({ ...base, judge: ["gpt-4", "pair-v2"] })).toMatchObject({ ok: true, value: { judge: "gpt-4/pair-v2" } });
  });

  it("names every problem of the row with its field", () => {
    const row = { ...base, question_id: 1.5, model_b: "gpt-4", winner: "model_c", judge: undefined, turn: 3 };
    expect(errorsOf(mt(row))).toEqual([
      "row 3: question_id must be text or a whole number, got number",
      'row 3: model_a and model_b are the same model ("gpt-4")',
      'row 3: winner must be one of "model_a", "model_b", "tie", "tie (bothbad)", got "model_c"',
      "row 3: judge is missing",
      "row 3: turn is 3 but the conversations have 2 assistant turns",
    ]);
  });

  it("refuses conversations out of order, unknown roles, empty user turns and different prompts", () => {
    expect(errorsOf(mt({ ...base, conversation_a: [user("Q1"), user("Q2"), bot("A2")] }))).toEqual([
      'row 3: conversation_a[1].role is "user" where "assistant" belongs (a conversation is an optional system message, then user and assistant messages in turn, ending with the assistant)',
    ]);
    expect(errorsOf(mt({ ...base, conversation_a: [user("Q1"), bot("A1"), user("Q2")] }))[0]).toMatch(/^row 3: conversation_a ends on a user message/);
    expect(errorsOf(mt({ ...base, conversation_a: [bot("A1")] }))[0]).toMatch(/^row 3: conversation_a\[0\]\.role is "assistant" where "user" belongs/);
    expect(errorsOf(mt({ ...base, conversation_a: [{ role: "tool", content: "x" }] }))).toEqual(['row 3: conversation_a[0].role must be "system", "user" or "assistant", got "tool"']);
    expect(errorsOf(mt({ ...base, conversation_a: [user("  "), bot("A1")] }))[0]).toBe("row 3: conversation_a[0].content is empty");
    expect(errorsOf(mt({ ...base, conversation_b: [user("Q1"), bot("B1"), user("Another Q2"), bot("B2")] }))).toEqual([
      "row 3: conversation_a and conversation_b are not the same prompt (their user turns or system prompts differ)",
    ]);
    expect(errorsOf(mt({ ...base, conversation_b: "no" }))).toEqual(["row 3: conversation_b must be a list of messages, got string"]);
  });
});

describe("readJudgmentFile", () => {
  it("reads MT-Bench's JSON array and Arena's JSON Lines", () => {
    const mtBench = readJudgmentFile(fixture("mt-bench-human-judgments.json"));
    expect(mtBench).toMatchObject({ ok: true, format: "mt_bench_human_judgments" });
    expect(mtBench.ok && mtBench.rows.map((r) => [r.questionId, r.turn, r.judge, r.winner])).toEqual([
      ["81", 1, "expert_0", "model_b"], ["81", 2, "expert_0", "model_b"], ["81", 1, "author_2", "tie"],
      ["81", 2, "expert_5", "model_a"], ["82", 1, "expert_5", "model_a"], ["82", 2, "author_1", "model_b"],
    ]);
    const arena = readJudgmentFile(fixture("chatbot-arena-conversations.jsonl"));
    expect(arena).toMatchObject({ ok: true, format: "chatbot_arena_conversations" });
    expect(arena.ok && arena.rows.map((r) => [r.turn, r.winner, r.conversationA.userTurns.length])).toEqual([[0, "model_b", 1], [0, "tie", 1], [0, "tie (bothbad)", 2]]);
  });

  it("rejects the whole file for one bad row, and other files with one message", () => {
    const rows = JSON.parse(fixture("mt-bench-human-judgments.json").toString("utf8")) as Record<string, unknown>[];
    rows[4]!.winner = "both";
    const bad = readJudgmentFile(utf8(JSON.stringify(rows)));
    expect(bad.ok ? [] : formatIngestErrors(bad.errors)).toEqual(['row 5: winner must be one of "model_a", "model_b", "tie", "tie (bothbad)", got "both"']);
    const other = readJudgmentFile(utf8('[{"instruction":"a","output":"b"}]'));
    expect(other.ok ? [] : formatIngestErrors(other.errors)[0]).toMatch(/^row 1 is not a human judgment \(fields found: instruction, output\)/);
    expect(readJudgmentFile(utf8("question_id,model_a\n1,x"))).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/neither a JSON array nor JSON Lines/) }] });
    expect(readJudgmentFile(utf8('{"question_id": 1,\n'))).toMatchObject({ ok: false, errors: [{ row: 1 }] });
  });
});
