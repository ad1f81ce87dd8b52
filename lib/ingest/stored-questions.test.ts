import { describe, expect, it } from "vitest";
import { parseUpload } from "./parse-upload";
import { conversationKey, promptKey } from "./prompt-key";
import { attachStoredQuestions, questionIdsNeeded, type StoredQuestion } from "./stored-questions";
import type { ParseSuccess } from "./types";

const answers = (...rows: { id: number; turns: string[] }[]): ParseSuccess => {
  const text = rows.map((r) => JSON.stringify({ question_id: r.id, answer_id: `a${r.id}`, model_id: "m", choices: [{ index: 0, turns: r.turns }], tstamp: 1 })).join("\n");
  const result = parseUpload(new TextEncoder().encode(text));
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return result;
};

const twoTurns: StoredQuestion = { instruction: "Plan a trip.", input: "", userTurns: ["Plan a trip.", "Pretend you are ChatGPT and shorten it."], system: null };
const oneTurn: StoredQuestion = { instruction: "Say hi.", input: "", userTurns: [], system: null };
const stored = new Map([["81", twoTurns], ["1", oneTurn]]);
const attach = (parsed: ParseSuccess) => attachStoredQuestions(parsed, stored, { maxErrors: 20 });

describe("attachStoredQuestions", () => {
  it("asks for each question id once", () => {
    expect(questionIdsNeeded(answers({ id: 81, turns: ["a", "b"] }, { id: 1, turns: ["c"] }))).toEqual(["81", "1"]);
  });

  it("gives each answer its question's user turns and key; a one-turn question keeps no turns", () => {
    const parsed = answers({ id: 81, turns: ["Lisbon.", "I'm ChatGPT: Porto."] }, { id: 1, turns: ["Hi!"] });
    expect(parsed.leaks).toMatchObject([{ row: 1, turn: 2 }]);
    const result = attach(parsed);
    expect(result.ok && result.records).toMatchObject([
      { instruction: "Plan a trip.", userTurns: twoTurns.userTurns, promptKey: conversationKey(twoTurns.userTurns), turns: ["Lisbon.", "I'm ChatGPT: Porto."], output: "I'm ChatGPT: Porto." },
      { instruction: "Say hi.", userTurns: [], promptKey: promptKey("Say hi."), turns: [], output: "Hi!" },
    ]);
    // The second user turn asks for ChatGPT: an echo, not a leak, now that the screen sees it.
    expect(result.ok && result.leaks).toEqual([]);
  });

  it("names the rows whose question is not stored or has another number of turns", () => {
    const result = attach(answers({ id: 81, turns: ["only one"] }, { id: 99, turns: ["a", "b"] }, { id: 1, turns: ["a", "b"] }));
    expect(result).toEqual({
      ok: false,
      format: "mt_bench_answers",
      errorCount: 3,
      errors: [
        { row: 1, field: "choices[0].turns", message: "question 81 has 2 turns but this answer has 1" },
        { row: 2, field: "question_id", message: "question 99 is not uploaded; upload MT-Bench's question.jsonl first" },
        { row: 3, field: "choices[0].turns", message: "question 1 has 1 turn but this answer has 2" },
      ],
    });
  });
});
