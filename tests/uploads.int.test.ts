// Uploads against PostgreSQL: real AlpacaEval and Self-Instruct files, all-or-nothing, duplicates, replace.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runUpload } from "@/lib/data/run-upload";
import { hasRealData, readRealFile, REAL_FILES } from "@/lib/ingest/test-real-data";
import { uploadFormSchema } from "@/lib/validation/upload";
import { makeUser, unique } from "./factories";

const form = (fields: Record<string, string> = {}) => uploadFormSchema.parse(fields);
const bytes = (text: string) => new TextEncoder().encode(text);

async function counts() {
  const [prompts, outputs, batches] = await Promise.all([db.prompt.count(), db.output.count(), db.uploadBatch.count()]);
  return { prompts, outputs, batches };
}

describe.skipIf(!hasRealData)("real AlpacaEval and Self-Instruct files (skipped when ../shared/data is absent)", () => {
  it("imports both AlpacaEval models, matching all 805 prompts, and refuses the same file twice", async () => {
    const admin = await makeUser("ADMIN");
    const first = await runUpload(readRealFile(REAL_FILES.alpaca7b), "alpaca-7b.json", form(), admin.id);
    expect(first).toMatchObject({ ok: true, status: "imported", summary: { rowsRead: 805, promptsNew: 805, promptsMatched: 0, outputsAdded: 805 } });

    // text_davinci_003 really has two empty answers: refused unless the admin accepts empty outputs.
    const refused = await runUpload(readRealFile(REAL_FILES.davinci003), "davinci.json", form(), admin.id);
    expect(refused).toEqual({ ok: false, errors: ["row 248: output is empty", "row 505: output is empty"] });
    const second = await runUpload(readRealFile(REAL_FILES.davinci003), "davinci.json", form({ allowEmptyOutputs: "on" }), admin.id);
    expect(second.ok && second.status === "imported" && second.summary).toMatchObject({ promptsNew: 0, promptsMatched: 805, outputsAdded: 805 });
    if (second.ok && second.status === "imported") {
      expect(second.summary.models).toEqual(["text_davinci_003"]);
      expect(second.summary.missing.filter((m) => m.model === "alpaca-7b" || m.model === "text_davinci_003"))
        .toEqual([{ model: "alpaca-7b", missing: 0, present: 805 }, { model: "text_davinci_003", missing: 0, present: 805 }]);
      // A model in the store with no output for these prompts is not listed (it could not be paired).
      const unrelated = await runUpload(bytes(JSON.stringify([{ instruction: unique("unrelated"), output: "x", generator: "unrelated-model" }])), "u.json", form(), admin.id);
      expect(unrelated.ok).toBe(true);
      const [row] = JSON.parse(new TextDecoder().decode(readRealFile(REAL_FILES.alpaca7b))) as { instruction: string; input?: string }[];
      const third = await runUpload(bytes(JSON.stringify([{ ...row, output: "a third answer", generator: "third-model" }])), "third.json", form(), admin.id);
      expect(third.ok && third.status === "imported" && third.summary.missing.map((m) => m.model)).toEqual(["alpaca-7b", "text_davinci_003", "third-model"]);
    }

    const before = await counts();
    const again = await runUpload(readRealFile(REAL_FILES.alpaca7b), "renamed.json", form(), admin.id);
    expect(again).toMatchObject({ ok: true, status: "duplicate" });
    expect(await counts()).toEqual(before);
  });

  it("matches the 252 Self-Instruct predictions to the AlpacaEval prompts through the field mapping", async () => {
    const file = readRealFile(REAL_FILES.davinci003Predictions);
    const unmapped = await runUpload(file, "preds.jsonl", form({ modelName: "si-davinci" }), null);
    expect(unmapped.ok).toBe(false);
    if (!unmapped.ok) expect(unmapped.errors[0]).toMatch(/fields found: prompt, instruction, input, response, target/);
    const mapped = await runUpload(file, "preds.jsonl", form({ modelName: "si-davinci", outputField: "response" }), null);
    expect(mapped.ok && mapped.status === "imported" && mapped.summary).toMatchObject({ rowsRead: 252, promptsNew: 0, promptsMatched: 252, outputsAdded: 252 });
  });

  it("accepts the Self-Instruct prompt set, matching all 252 prompts and adding their categories", async () => {
    const result = await runUpload(readRealFile(REAL_FILES.userOriented), "user_oriented.jsonl", form(), null);
    expect(result.ok && result.status === "imported" && result.summary).toMatchObject({ rowsRead: 252, promptsNew: 0, promptsMatched: 252, outputsAdded: 0 });
    const withCategory = await db.prompt.count({ where: { externalId: { startsWith: "user_oriented_task_" }, category: { not: null } } });
    expect(withCategory).toBe(252);
  });

  it("flags no real alpaca-7b output: none of them names its author", async () => {
    const batch = await db.uploadBatch.findFirstOrThrow({ where: { fileName: "alpaca-7b.json" } });
    expect((batch.summary as { leaks: unknown[] }).leaks).toEqual([]);
    expect(await db.output.count({ where: { uploadId: batch.id, leakPhrase: { not: null } } })).toBe(0);
  });
});

describe("identity leaks at upload", () => {
  it("flags a self-reference naming a model already in the store, with the phrase, and a replaced output loses its verdict", async () => {
    const stored = unique("zebra");
    await db.languageModel.create({ data: { name: stored } });
    const model = unique("m");
    const q = (i: number) => `leak question ${model} ${i}`;
    const rows = (first: string) => [first, "Llamas and alpacas are camelids.", `Hello, I'm ${stored}, your assistant.`]
      .map((output, i) => JSON.stringify({ instruction: q(i), output, generator: model }));
    const result = await runUpload(bytes(rows("As an AI developed by Google, I cannot.").join("\n")), "leaks.jsonl", form(), null);
    expect(result.ok && result.status === "imported" && result.summary.leaks.map((l) => [l.row, l.phrase])).toEqual([
      [1, "as an ai developed by google"], [3, `i'm ${stored}`],
    ]);
    const batch = await db.uploadBatch.findFirstOrThrow({ where: { fileName: "leaks.jsonl" } });
    expect(await db.output.count({ where: { uploadId: batch.id, leakPhrase: { not: null } } })).toBe(2);
    await db.output.updateMany({ where: { uploadId: batch.id, leakPhrase: { not: null } }, data: { leakReview: "CLEARED", leakReviewedAt: new Date() } });
    await runUpload(bytes(rows("As an AI developed by Meta, I cannot.").join("\n")), "leaks-again.jsonl", form({ replace: "on" }), null);
    const again = await db.output.findMany({ where: { leakPhrase: { not: null }, prompt: { instruction: { startsWith: `leak question ${model}` } } }, orderBy: { leakPhrase: "asc" }, select: { leakPhrase: true, leakReview: true } });
    expect(again).toEqual([{ leakPhrase: "as an ai developed by meta", leakReview: null }, { leakPhrase: `i'm ${stored}`, leakReview: null }]);
  });
});

describe("identity leaks naming a model that arrives later", () => {
  it("flags earlier answers of other models once a model of that name is uploaded", async () => {
    const newcomer = unique("quokka");
    const first = unique("m");
    const q = unique("quokka question");
    const row = (output: string, generator: string) => JSON.stringify({ instruction: q, output, generator });
    await runUpload(bytes(row(`Hello, I'm ${newcomer}, here to help.`, first)), "first.jsonl", form(), null);
    expect(await db.output.count({ where: { model: { name: first }, leakPhrase: { not: null } } })).toBe(0);
    const second = await runUpload(bytes(row("A plain answer.", newcomer)), "second.jsonl", form(), null);
    expect(second.ok && second.status === "imported" && second.summary.earlierFlagged).toBe(1);
    expect(await db.output.findFirstOrThrow({ where: { model: { name: first } }, select: { leakPhrase: true } })).toEqual({ leakPhrase: `i'm ${newcomer}` });
  });
});

describe("all-or-nothing import", () => {
  it("imports nothing when one row is bad, and names the row", async () => {
    const before = await counts();
    const model = unique("m");
    const lines = [1, 2, 3].map((i) => JSON.stringify({ instruction: `q ${model} ${i}`, output: i === 2 ? "" : "a", generator: model }));
    const result = await runUpload(bytes(lines.join("\n")), "bad.jsonl", form(), null);
    expect(result).toEqual({ ok: false, errors: ["row 2: output is empty"] });
    expect(await counts()).toEqual(before);
  });

  it("rolls back new prompts when an output clashes and replace is off, and replaces when asked", async () => {
    const model = unique("m");
    const row = (q: string, a: string) => JSON.stringify({ instruction: q, output: a, generator: model });
    const q1 = unique("question one");
    await runUpload(bytes(row(q1, "first answer")), "one.jsonl", form(), null);
    const before = await counts();
    const q2 = unique("question two");
    const clash = await runUpload(bytes([row(q2, "new"), row(q1, "second answer")].join("\n")), "two.jsonl", form(), null);
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.errors[0]).toMatch(/1 of these outputs already exist/);
    expect(await counts()).toEqual(before);

    const replaced = await runUpload(bytes([row(q2, "new"), row(q1, "second answer")].join("\n")), "two.jsonl", form({ replace: "on" }), null);
    expect(replaced.ok && replaced.status === "imported" && replaced.summary).toMatchObject({ promptsNew: 1, promptsMatched: 1, outputsAdded: 1, outputsReplaced: 1 });
    const texts = await db.output.findMany({ where: { model: { name: model } }, select: { text: true }, orderBy: { text: "asc" } });
    expect(texts.map((t) => t.text)).toEqual(["new", "second answer"]);
  });

  it("matches prompts across whitespace differences and the folded AlpacaEval input", async () => {
    const [m1, m2] = [unique("m"), unique("m")];
    const q = unique("Translate");
    await runUpload(bytes(JSON.stringify([{ instruction: `${q}\n\nhello world`, output: "x", generator: m1 }])), "a.json", form(), null);
    const second = await runUpload(bytes(JSON.stringify({ instruction: `  ${q} `, input: "hello   world", output: "y", generator: m2 })), "b.jsonl", form(), null);
    expect(second.ok && second.status === "imported" && second.summary).toMatchObject({ promptsNew: 0, promptsMatched: 1 });
  });

  it("marks the figures of studies on a prompt changed when a later upload fills in its category", async () => {
    const [m1, m2] = [unique("m"), unique("m")];
    const q = unique("Summarize");
    for (const m of [m1, m2]) await runUpload(bytes(JSON.stringify([{ instruction: q, output: `by ${m}`, generator: m }])), `${m}.json`, form(), null);
    const outputs = await db.output.findMany({ where: { model: { name: { in: [m1, m2] } } }, select: { id: true, promptId: true } });
    const study = await db.study.create({ data: { name: unique("study"), inviteToken: unique("invite") } });
    await db.pair.create({ data: { studyId: study.id, promptId: outputs[0]!.promptId, outputAId: outputs[0]!.id, outputBId: outputs[1]!.id } });
    const changedAt = async () => (await db.study.findUniqueOrThrow({ where: { id: study.id } })).figuresChangedAt;
    expect(await changedAt()).toBeNull();
    // A third model's outputs, as CSV with a category column.
    const third = await runUpload(bytes(`instruction,output,model,category\n${q},by m3,${unique("m")},summaries\n`), "m3.csv", form(), null);
    expect(third.ok).toBe(true);
    expect((await db.prompt.findUniqueOrThrow({ where: { id: outputs[0]!.promptId } })).category).toBe("summaries");
    expect(await changedAt()).toBeInstanceOf(Date);
  });
});
