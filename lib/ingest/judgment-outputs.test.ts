import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conversationKey } from "./prompt-key";
import { formatIngestErrors } from "./ingest-error";
import { parseUpload } from "./parse-upload";
import type { ParseResult } from "./types";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name));
const utf8 = (text: string) => new TextEncoder().encode(text);
const messages = (result: ParseResult) => (result.ok ? [] : formatIngestErrors(result.errors, result.errorCount));

const user = (content: string) => ({ role: "user", content });
const bot = (content: string) => ({ role: "assistant", content });
const row = (over: Record<string, unknown>) => ({
  question_id: 81, model_a: "m1", model_b: "m2", winner: "tie", judge: "expert_0", turn: 1,
  conversation_a: [user("Q1"), bot("A1"), user("Q2"), bot("A2")], conversation_b: [user("Q1"), bot("B1"), user("Q2"), bot("B2")], ...over,
});
const file = (...rows: unknown[]) => utf8(JSON.stringify(rows));

describe("human-judgment files uploaded as outputs", () => {
  it("makes each (question, model) conversation one output, with the question's user turns and the model's turns", () => {
    const result = parseUpload(fixture("mt-bench-human-judgments.json"));
    expect(result).toMatchObject({ ok: true, kind: "outputs", format: "mt_bench_human_judgments", models: ["alpaca-13b", "gpt-4", "vicuna-13b-v1.2"] });
    if (!result.ok) return;
    expect(result.records.map((r) => [r.row, r.externalId, r.model])).toEqual([
      [1, "81", "alpaca-13b"], [1, "81", "gpt-4"], [3, "81", "vicuna-13b-v1.2"], [5, "82", "gpt-4"], [5, "82", "vicuna-13b-v1.2"],
    ]);
    const gpt4 = result.records[1]!;
    expect(gpt4).toMatchObject({
      instruction: expect.stringMatching(/^Compose an engaging travel blog post/), input: "", system: null,
      userTurns: [expect.stringMatching(/^Compose/), "Rewrite your previous response. Start every sentence with the letter A."],
      turns: [expect.stringMatching(/^Aloha!/), expect.stringMatching(/^A trip to Hawaii always begins/)],
      output: expect.stringMatching(/^A trip to Hawaii always begins/), category: null,
    });
    expect(gpt4.promptKey).toBe(conversationKey((gpt4 as unknown as { userTurns: string[] }).userTurns));
  });

  it("keys and stores a one-turn Arena battle as the same single instruction", () => {
    const result = parseUpload(fixture("chatbot-arena-conversations.jsonl"));
    expect(result).toMatchObject({ ok: true, format: "chatbot_arena_conversations", rowCount: 6 });
    if (!result.ok) return;
    expect(result.records[0]).toMatchObject({
      model: "chatglm-6b", promptKey: "What is the difference between OpenCL and CUDA?", output: "OpenCL and CUDA are two different programming models.", userTurns: [], turns: [],
    });
    expect(result.records[5]).toMatchObject({ model: "oasst-pythia-12b", userTurns: ["Fuji vs. Nikon, which is better?", "And for video?"], turns: ["It depends on your needs.", "Nikon."] });
  });

  it("takes the longest copy of a conversation when a turn-1 row stops after turn 1", () => {
    const short = { conversation_a: [user("Q1"), bot("A1")], conversation_b: [user("Q1"), bot("B1")] };
    const result = parseUpload(file(row(short), row({ turn: 2 })));
    expect(result.ok && result.records.map((r) => (r as unknown as { turns: string[] }).turns)).toEqual([["A1", "A2"], ["B1", "B2"]]);
  });

  it("rejects copies of a conversation that disagree, naming both rows", () => {
    const changed = row({ turn: 2, conversation_a: [user("Q1"), bot("A1"), user("Q2"), bot("A2, edited")] });
    expect(messages(parseUpload(file(row({}), changed)))).toEqual(['row 2: model "m1"\'s conversation on question 81 differs from row 1\'s (assistant turn 2)']);
    const otherPrompt = row({ model_a: "m3", conversation_a: [user("Q1"), bot("C1"), user("Another Q2"), bot("C2")], conversation_b: [user("Q1"), bot("B1"), user("Another Q2"), bot("B2")] });
    expect(messages(parseUpload(file(row({}), otherPrompt)))).toContain("row 2: question 81 differs from row 1 (user turn 2)");
  });

  it("refuses a model that lacks turns of the question, empty answers, and one answer under two question ids", () => {
    const short = row({ model_a: "m3", model_b: "m4", conversation_a: [user("Q1"), bot("C1")], conversation_b: [user("Q1"), bot("D1")] });
    expect(messages(parseUpload(file(row({}), short)))).toEqual([
      'row 2: model "m3"\'s conversation on question 81 has 1 assistant turn but the question has 2 user turns',
      'row 2: model "m4"\'s conversation on question 81 has 1 assistant turn but the question has 2 user turns',
    ]);
    const empty = row({ conversation_a: [user("Q1"), bot(""), user("Q2"), bot("A2")] });
    expect(messages(parseUpload(file(empty)))).toEqual(['row 1: model "m1"\'s assistant turn 1 on question 81 is empty']);
    expect(parseUpload(file(empty), { allowEmptyOutputs: true }).ok).toBe(true);
    expect(messages(parseUpload(file(row({}), row({ question_id: 99 }))))).toEqual([
      'row 2: rows 1 and 2 give model "m1" two answers to the same conversation (questions 81 and 99)',
      'row 2: rows 1 and 2 give model "m2" two answers to the same conversation (questions 81 and 99)',
    ]);
  });

  it("refuses a model name from the form", () => {
    expect(messages(parseUpload(file(row({})), { modelName: "m1" }))[0]).toMatch(/names the models of every row/);
  });
});
