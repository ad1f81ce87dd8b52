// Conversation uploads (issue 21) through runUpload, the function behind the upload page: MT-Bench
// questions then two models' answers, and OpenAI chat rows with a fixed history, land as Prompt/Output rows.
// The tests build on each other in file order (answers need the questions, the last names the chat prompt).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runUpload } from "@/lib/data/run-upload";
import { uploadFormSchema } from "@/lib/validation/upload";
import { unique } from "./factories";

const form = (fields: Record<string, string> = {}) => uploadFormSchema.parse(fields);
const bytes = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../lib/ingest/fixtures", name), "utf8");

async function counts() {
  const [prompts, outputs, batches] = await Promise.all([db.prompt.count(), db.output.count(), db.uploadBatch.count()]);
  return { prompts, outputs, batches };
}

const outputOf = (model: string, externalId: string) =>
  db.output.findFirstOrThrow({ where: { model: { name: model }, prompt: { externalId } }, select: { text: true, turns: true, leakPhrase: true } });

describe("MT-Bench: the question file, then each model's answers", () => {
  it("refuses answers before their questions, then stores both turns of each question and of each answer", async () => {
    const before = await counts();
    const early = await runUpload(bytes(fixture("mt-bench/model-a.jsonl")), "mtb-model-a.jsonl", form(), null);
    expect(early).toEqual({ ok: false, errors: [81, 82, 83].map((q, i) => `row ${i + 1}: question ${q} is not uploaded; upload MT-Bench's question.jsonl first`) });
    expect(await counts()).toEqual(before);

    const questions = await runUpload(bytes(fixture("mt-bench/question.jsonl")), "question.jsonl", form(), null);
    expect(questions.ok && questions.status === "imported" && questions.summary).toMatchObject({
      format: "mt_bench_questions", rowsRead: 3, promptsNew: 3, promptsMatched: 0, outputsAdded: 0, conversations: [{ turns: 2, rows: 3 }],
    });
    expect(await db.prompt.findUniqueOrThrow({ where: { externalId: "82" }, select: { instruction: true, input: true, userTurns: true, system: true, category: true } })).toEqual({
      instruction: "A train leaves at 14:05 and arrives at 16:50. How long is the journey?",
      input: "",
      userTurns: ["A train leaves at 14:05 and arrives at 16:50. How long is the journey?", "If it leaves 25 minutes late and keeps the same speed, when does it arrive?"],
      system: null,
      category: "math",
    });

    for (const model of ["a", "b"]) {
      const answers = await runUpload(bytes(fixture(`mt-bench/model-${model}.jsonl`)), `mtb-model-${model}.jsonl`, form(), null);
      expect(answers.ok && answers.status === "imported" && answers.summary).toMatchObject({
        format: "mt_bench_answers", models: [`mtb-model-${model}`], promptsNew: 0, promptsMatched: 3, outputsAdded: 3,
      });
      if (model === "b" && answers.ok && answers.status === "imported") {
        // The self-disclosure is in the first of two turns: it counts.
        expect(answers.summary.leaks).toEqual([{ row: 3, model: "mtb-model-b", phrase: "as an ai language model", excerpt: expect.stringContaining("As an AI language model") as string, turn: 1 }]);
      }
    }
    expect(await outputOf("mtb-model-a", "82")).toEqual({ text: "It arrives at 17:15.", turns: ["The journey takes 2 hours and 45 minutes.", "It arrives at 17:15."], leakPhrase: null });
    expect(await outputOf("mtb-model-b", "83")).toMatchObject({ text: "The freezer, because a humid kitchen makes bread go mouldy within days.", leakPhrase: "as an ai language model" });
  });

  it("replaces an answer's turns on a re-upload with replace ticked, and refuses an answer with a turn missing", async () => {
    const edited = fixture("mt-bench/model-a.jsonl").replace("It arrives at 17:15.", "It arrives at 17:15, 25 minutes late.");
    const replaced = await runUpload(bytes(edited), "mtb-model-a-v2.jsonl", form({ replace: "on" }), null);
    expect(replaced.ok && replaced.status === "imported" && replaced.summary).toMatchObject({ outputsAdded: 0, outputsReplaced: 3 });
    expect(await outputOf("mtb-model-a", "82")).toMatchObject({ text: "It arrives at 17:15, 25 minutes late.", turns: ["The journey takes 2 hours and 45 minutes.", "It arrives at 17:15, 25 minutes late."] });

    const short = JSON.stringify({ question_id: 81, answer_id: "x", model_id: unique("m"), choices: [{ index: 0, turns: ["Only one turn."] }], tstamp: 1 });
    expect(await runUpload(bytes(short), "short.jsonl", form(), null)).toEqual({ ok: false, errors: ["row 1: question 81 has 2 turns but this answer has 1"] });
  });
});

describe("OpenAI chat rows", () => {
  it("stores a conversation with its system prompt and fixed history, and matches a one-turn chat to the same single instruction", async () => {
    const synonym = 'Give one synonym for the word "quick".';
    const alpaca = await runUpload(bytes(JSON.stringify([{ instruction: synonym, output: "Rapid.", generator: "chat-model-alpaca" }])), "alpaca.json", form(), null);
    expect(alpaca.ok).toBe(true);

    const chat = await runUpload(bytes(fixture("chat.jsonl")), "chat.jsonl", form(), null);
    expect(chat.ok && chat.status === "imported" && chat.summary).toMatchObject({
      format: "chat_jsonl", rowsRead: 4, promptsNew: 1, promptsMatched: 1, outputsAdded: 4, models: ["chat-model-a", "chat-model-b"],
      conversations: [{ turns: 2, rows: 2 }],
    });
    const lisbon = await db.prompt.findUniqueOrThrow({ where: { externalId: "lisbon-day" }, select: { instruction: true, input: true, userTurns: true, system: true } });
    expect(lisbon).toEqual({ instruction: "Plan one day in Lisbon.", input: "", userTurns: ["Plan one day in Lisbon.", "Make it cheaper."], system: "You are a concise travel assistant." });
    const [a, b] = [await outputOf("chat-model-a", "lisbon-day"), await outputOf("chat-model-b", "lisbon-day")];
    // The fixed history: the first assistant turn is the same for both models; only the last one differs.
    expect(a.turns[0]).toBe("Morning: Alfama and the castle. Afternoon: Belém. Evening: dinner in Bairro Alto.");
    expect(b.turns[0]).toBe(a.turns[0]);
    expect([a.text, b.text]).toEqual([a.turns[1], b.turns[1]]);

    const single = await db.prompt.findMany({ where: { instruction: synonym }, select: { userTurns: true, system: true, outputs: { select: { text: true, turns: true }, orderBy: { text: "asc" } } } });
    expect(single).toEqual([{ userTurns: [], system: null, outputs: [{ text: "Fast.", turns: [] }, { text: "Rapid.", turns: [] }, { text: "Swift.", turns: [] }] }]);
  });

  it("refuses the same user turns under another system prompt, naming what is stored, and imports nothing", async () => {
    const before = await counts();
    const row = { model: unique("m"), messages: [
      { role: "user", content: "Plan one day in Lisbon." }, { role: "assistant", content: "A" },
      { role: "user", content: "Make it cheaper." }, { role: "assistant", content: "B" },
    ] };
    const result = await runUpload(bytes(JSON.stringify(row)), "no-system.jsonl", form(), null);
    expect(result).toEqual({ ok: false, errors: [
      'row 1: the stored prompt with these user turns has another system prompt (stored: "You are a concise travel assistant."; this row: none); a prompt has one system prompt',
    ] });
    expect(await counts()).toEqual(before);
  });
});

// Runs after the chat rows above, whose "lisbon-day" conversation it names (tests in a file run in order).
describe("ids shared across formats", () => {
  it("refuses a row whose id names a stored prompt of another text (MT-Bench's question 81 and a CSV's row 81), importing nothing", async () => {
    const before = await counts();
    const stored = await db.prompt.findUniqueOrThrow({ where: { externalId: "81" }, select: { instruction: true, userTurns: true } });
    // A two-turn chat row with its own turns under id 81: same number of turns, other text.
    const row = { id: "81", model: unique("m"), messages: [
      { role: "user", content: "Write a haiku about tea." }, { role: "assistant", content: "A" },
      { role: "user", content: "Now one about coffee." }, { role: "assistant", content: "B" },
    ] };
    const result = await runUpload(bytes(JSON.stringify(row)), "id-81.jsonl", form(), null);
    const shown = stored.instruction.length > 60 ? `${stored.instruction.slice(0, 60)}…` : stored.instruction;
    expect(result).toEqual({ ok: false, errors: [
      `row 1: id "81" is already stored for another prompt (${JSON.stringify(shown)}); an id names one prompt: give this one another id, or none to match it by its text`,
    ] });
    expect(await counts()).toEqual(before);
    // The same turns under that id are that prompt: the row is stored against it.
    const same = { id: "81", model: unique("m"), messages: stored.userTurns.flatMap((content, i) => [{ role: "user", content }, { role: "assistant", content: `answer ${i}` }]) };
    expect(await runUpload(bytes(JSON.stringify(same)), "id-81-same.jsonl", form(), null)).toMatchObject({ ok: true });
    expect((await counts()).prompts).toBe(before.prompts);
  });

  it("refuses a single instruction whose id names a stored conversation, rather than attaching it to that conversation", async () => {
    const row = { id: "lisbon-day", instruction: "Plan one day in Lisbon.", output: "x", generator: unique("m") };
    expect(await runUpload(bytes(JSON.stringify(row)), "by-id.jsonl", form(), null)).toEqual({
      ok: false, errors: ['row 1: the stored prompt with id "lisbon-day" has 2 user turns but this row has 1'],
    });
  });
});
