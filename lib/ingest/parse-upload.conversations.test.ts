// The conversation formats end to end through parseUpload, on the small files in ./fixtures
// (OpenAI chat rows, MT-Bench's question and model-answer files) and inline rows for the errors.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIngestErrors } from "./ingest-error";
import { parseUpload } from "./parse-upload";
import { promptKey } from "./prompt-key";
import type { ParseOptions, ParseResult } from "./types";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name));
const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (text: string, options: ParseOptions = {}) => parseUpload(utf8(text), options);
const lines = (...rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join("\n");

function messages(result: ParseResult): string[] {
  if (result.ok) throw new Error("expected the upload to be rejected");
  return formatIngestErrors(result.errors, result.errorCount);
}

const chatRow = (model: string, turns: [string, string][], system?: string) => ({
  model,
  messages: [...(system ? [{ role: "system", content: system }] : []), ...turns.flatMap(([u, a]) => [{ role: "user", content: u }, { role: "assistant", content: a }])],
});

describe("OpenAI chat rows", () => {
  it("reads chat.jsonl: a two-turn conversation with a system prompt and a fixed history, and a one-turn chat as a single instruction", () => {
    const result = parseUpload(fixture("chat.jsonl"));
    expect(result).toMatchObject({ ok: true, format: "chat_jsonl", kind: "outputs", rowCount: 4, models: ["chat-model-a", "chat-model-b"], leaks: [] });
    if (!result.ok || result.kind !== "outputs") return;
    const [a, b, single] = result.records;
    expect(a).toMatchObject({
      row: 1, model: "chat-model-a", externalId: "lisbon-day", instruction: "Plan one day in Lisbon.", input: "",
      system: "You are a concise travel assistant.", userTurns: ["Plan one day in Lisbon.", "Make it cheaper."],
      turns: ["Morning: Alfama and the castle. Afternoon: Belém. Evening: dinner in Bairro Alto.", "Walk Alfama, picnic by the river in Belém, and ride tram 28 once."],
      output: "Walk Alfama, picnic by the river in Belém, and ride tram 28 once.", promptById: false,
    });
    expect(b?.promptKey).toBe(a?.promptKey);
    expect(b?.turns[0]).toBe(a?.turns[0]);
    expect(single).toMatchObject({ instruction: 'Give one synonym for the word "quick".', userTurns: [], system: null, turns: [], output: "Fast." });
    expect(single?.promptKey).toBe(promptKey('Give one synonym for the word "quick".'));
  });

  it("reads a JSON array of the same rows, and takes the model from the form when rows name none", () => {
    const rows = [{ messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello" }] }];
    expect(parse(JSON.stringify(rows), { modelName: "m" })).toMatchObject({ ok: true, format: "chat_json", models: ["m"] });
    expect(messages(parse(JSON.stringify(rows)))).toEqual(['the file does not name its model (no "model" field); enter the model name in the form']);
  });

  it("names each bad row: turn counts, order, empty content, unknown role; nothing is kept", () => {
    const text = lines(
      { model: "m", messages: [{ role: "user", content: "a" }, { role: "assistant", content: "b" }, { role: "user", content: "c" }] },
      { model: "m", messages: [{ role: "assistant", content: "a" }, { role: "user", content: "b" }] },
      { model: "m", messages: [{ role: "user", content: "x" }, { role: "assistant", content: " " }] },
      { model: "m", messages: [{ role: "user", content: "y" }, { role: "bot", content: "z" }] },
      chatRow("m", [["fine", "ok"]]),
    );
    expect(messages(parse(text))).toEqual([
      "row 1: 2 user turns but 1 assistant turn: the conversation must end on the assistant's answer",
      "row 2: messages[0] is an assistant turn before any user turn; a conversation starts with the user",
      "row 3: messages[1] (assistant): content is empty",
      'row 4: messages[1] has the role "bot"; expected system, user or assistant',
    ]);
  });

  it("refuses the same user turns under two system prompts, naming both rows", () => {
    const text = lines(chatRow("m1", [["Plan a trip.", "Lisbon."]], "Be brief."), chatRow("m2", [["Plan  a trip.", "Porto."]]));
    expect(messages(parse(text))).toEqual([
      'row 2: rows 1 and 2 have the same user turns but different system prompts ("Be brief." and none); a prompt has one system prompt',
    ]);
    const same = lines(chatRow("m1", [["Plan a trip.", "Lisbon."]], "Be brief."), chatRow("m2", [["Plan a trip.", "Porto."]], " Be  brief."));
    expect(parse(same)).toMatchObject({ ok: true, rowCount: 2 });
  });

  it("flags a self-reference in any assistant turn, with its turn", () => {
    const text = lines(chatRow("m", [["Who are you?", "I'm ChatGPT, hi."], ["And now?", "Still here."]]));
    expect(parse(text)).toMatchObject({ ok: true, leaks: [{ row: 1, phrase: "i'm chatgpt", turn: 1 }] });
  });

  it("refuses an output field chosen in the form: the answers are in the turns", () => {
    expect(messages(parse(lines(chatRow("m", [["a", "b"]])), { outputField: "response" }))).toEqual([
      'the output field ("response") is for instruction/output files; chat (messages) files hold their answers in turns — clear the field',
    ]);
  });
});

describe("MT-Bench question files", () => {
  it("reads question.jsonl as a prompt set: question_id as the id, the turns as user turns, reference left out", () => {
    const result = parseUpload(fixture("mt-bench/question.jsonl"));
    expect(result).toMatchObject({ ok: true, format: "mt_bench_questions", kind: "prompts", rowCount: 3, models: [] });
    expect(result.ok && result.records[1]).toEqual({
      row: 2, model: null, output: null, turns: [], externalId: "82", category: "math", system: null, promptById: false,
      instruction: "A train leaves at 14:05 and arrives at 16:50. How long is the journey?", input: "",
      userTurns: ["A train leaves at 14:05 and arrives at 16:50. How long is the journey?", "If it leaves 25 minutes late and keeps the same speed, when does it arrive?"],
      promptKey: "A train leaves at 14:05 and arrives at 16:50. How long is the journey?\u0000If it leaves 25 minutes late and keeps the same speed, when does it arrive?",
    });
  });

  it("stores a one-turn question as a single instruction", () => {
    const result = parse(lines({ question_id: 1, category: "generic", turns: ["How can I improve my time management skills?"] }));
    expect(result.ok && result.records[0]).toMatchObject({ userTurns: [], instruction: "How can I improve my time management skills?", externalId: "1" });
  });

  it("names bad rows: no question_id, no turns, an empty turn, a repeated id", () => {
    // The format is read from the first row's fields, so the row without question_id comes second.
    const text = lines(
      { question_id: 2, turns: [] },
      { category: "x", turns: ["a"] },
      { question_id: 3, turns: ["a", "  "] },
      { question_id: 4, turns: ["a"] },
      { question_id: 4, turns: ["b"] },
    );
    expect(messages(parse(text))).toEqual([
      "row 1: turns is empty",
      "row 2: question_id is missing",
      "row 3: turns[1] is empty",
      'row 5: rows 4 and 5 are duplicates: the same id "4"',
    ]);
  });
});

describe("MT-Bench model answer files", () => {
  it("reads an answer file: the model from model_id, the prompt named only by question_id, the turns of choices[0]", () => {
    const result = parseUpload(fixture("mt-bench/model-a.jsonl"));
    expect(result).toMatchObject({ ok: true, format: "mt_bench_answers", kind: "outputs", rowCount: 3, models: ["mtb-model-a"] });
    expect(result.ok && result.records[1]).toMatchObject({
      row: 2, model: "mtb-model-a", externalId: "82", promptById: true, userTurns: [], instruction: "",
      turns: ["The journey takes 2 hours and 45 minutes.", "It arrives at 17:15."], output: "It arrives at 17:15.",
    });
  });

  it("names bad rows: no choices, an empty turn, a model that differs from the form's", () => {
    const text = lines(
      { question_id: 81, model_id: "m", choices: [] },
      { question_id: 82, model_id: "m", choices: [{ index: 0, turns: ["fine", ""] }] },
    );
    expect(messages(parse(text))).toEqual(["row 1: choices is empty", "row 2: choices[0].turns[1] is empty"]);
    expect(messages(parse(lines({ question_id: 81, model_id: "m", choices: [{ index: 0, turns: ["a"] }] }), { modelName: "n" }))).toEqual([
      'row 1: the file names the model "m" but the form says "n"; clear the form\'s model name or make them match',
    ]);
  });
});
