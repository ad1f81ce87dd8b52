// The new-study form's counts (shared prompts, pairs left out for self-references and for identical
// or empty answers) against PostgreSQL, the created study agreeing with them, and leak review.
import { describe, expect, it } from "vitest";
import { resultsStudy } from "@/lib/data/results/study-info";
import { db } from "@/lib/db";
import { listFlaggedOutputs, reviewLeak, studyLeakCounts } from "@/lib/data/leak-review";
import { runUpload } from "@/lib/data/run-upload";
import { createStudy, previewStudy } from "@/lib/data/study-admin";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import { hasRealData, readRealFile, REAL_FILES } from "@/lib/ingest/test-real-data";
import { createStudySchema, studyPreviewSchema } from "@/lib/validation/study";
import { uploadFormSchema } from "@/lib/validation/upload";
import { makeUser, unique } from "./factories";

/** Models answering prompts with the given texts: answers[i][m] is model m's answer to prompt i. */
async function store(answers: string[][], onlyFirst = 0) {
  const models = await Promise.all(answers[0]!.map(() => db.languageModel.create({ data: { name: unique("model") } })));
  const prompts = [];
  for (const row of answers) {
    const instruction = unique("prompt");
    const prompt = await db.prompt.create({ data: { instruction, textHash: promptTextHash(instruction, "") } });
    prompts.push(prompt);
    await db.output.createMany({ data: row.map((text, m) => ({ promptId: prompt.id, modelId: models[m]!.id, text })) });
  }
  for (let i = 0; i < onlyFirst; i++) {
    const instruction = unique("solo prompt");
    const prompt = await db.prompt.create({ data: { instruction, textHash: promptTextHash(instruction, "") } });
    await db.output.create({ data: { promptId: prompt.id, modelId: models[0]!.id, text: "alone" } });
  }
  return { ids: models.map((m) => m.id), models, prompts };
}

const preview = (modelIds: string[], extra: Record<string, unknown> = {}) => previewStudy(studyPreviewSchema.parse({ modelIds, ...extra }));
const settings = (modelIds: string[], extra: Record<string, unknown> = {}) => createStudySchema.parse({ name: unique("study"), modelIds, ...extra });

async function flag(modelId: string, promptId: string, phrase = "i'm alpaca") {
  const output = await db.output.update({ where: { modelId_promptId: { modelId, promptId } }, data: { leakPhrase: phrase } });
  return output.id;
}

describe("the new-study form's counts", () => {
  it("counts prompts all chosen models share, and the pairs a self-reference and identical or empty answers remove", async () => {
    const { ids, prompts } = await store([
      ["one", "two"], ["Same  answer.\n", " Same answer."], ["", "something"], ["   \n", "x"], ["a", "b"], ["c", "d"], ["I'm Alpaca.", "e"],
    ], 3);
    await flag(ids[0]!, prompts[6]!.id);
    expect(await preview(ids)).toEqual({ sharedPrompts: 7, leakPrompts: 1, leakPairs: 1, identicalPairs: 1, emptyPairs: 2, pairs: 3 });
    expect(await preview(ids, { excludeLeaks: false, keepDegeneratePairs: true }))
      .toEqual({ sharedPrompts: 7, leakPrompts: 1, leakPairs: 1, identicalPairs: 1, emptyPairs: 2, pairs: 7 });
    const admin = await makeUser("ADMIN");
    const created = await createStudy(settings(ids), admin.id);
    expect(created).toMatchObject({ ok: true, pairs: 3 });
    if (!created.ok) return;
    const used = await db.pair.findMany({ where: { studyId: created.studyId }, select: { promptId: true } });
    expect(used.map((p) => p.promptId).sort()).toEqual([prompts[0]!.id, prompts[4]!.id, prompts[5]!.id].sort());
    const left = { excludedLeakPairs: true, excludedDegeneratePairs: true } as const;
    expect(await db.study.findUniqueOrThrow({ where: { id: created.studyId }, select: left })).toEqual({ excludedLeakPairs: 1, excludedDegeneratePairs: 3 });
    // The results say so beside every figure (they describe the remaining pairs only).
    expect((await resultsStudy(created.studyId))?.leftOutAtCreation).toEqual({ selfReference: 1, identicalOrEmpty: 3 });
    const kept = await createStudy(settings(ids, { excludeLeaks: false, keepDegeneratePairs: "on" }), admin.id);
    expect(kept).toMatchObject({ ok: true, pairs: 7 });
    if (kept.ok) expect(await db.study.findUniqueOrThrow({ where: { id: kept.studyId }, select: left })).toEqual({ excludedLeakPairs: null, excludedDegeneratePairs: null });
  });

  it("counts every model pair of a flagged prompt with three models, whichever model's answer is flagged", async () => {
    const { ids, prompts } = await store([["a1", "b1", "c1"], ["a2", "b2", "c2"]]);
    await flag(ids[2]!, prompts[0]!.id, "as an ai developed by openai");
    expect(await preview(ids)).toMatchObject({ sharedPrompts: 2, leakPrompts: 1, leakPairs: 3, pairs: 3 });
    expect(await preview(ids, { allModelPairs: false })).toMatchObject({ leakPairs: 1, pairs: 1 });
  });

  it("refuses a study when every shared prompt is left out", async () => {
    const { ids } = await store([["same", "same"]]);
    const admin = await makeUser("ADMIN");
    expect(await createStudy(settings(ids), admin.id)).toMatchObject({ ok: false, message: expect.stringMatching(/no pairs are left/) });
  });
});

describe("clearing and confirming a flag", () => {
  it("a cleared output counts as clean in the counts and the study warnings; a confirmed one stays flagged", async () => {
    const { ids, prompts } = await store([["I'm Alpaca, fine-tuned from LLaMA.", "b1"], ["a2", "b2"], ["a3", "b3"]]);
    const outputId = await flag(ids[0]!, prompts[0]!.id);
    const admin = await makeUser("ADMIN");
    const kept = await createStudy(settings(ids, { excludeLeaks: false }), admin.id);
    if (!kept.ok) throw new Error(kept.message);
    expect(await studyLeakCounts(kept.studyId)).toEqual({ outputs: 1, pairs: 1 });
    expect(await listFlaggedOutputs({ studyId: kept.studyId })).toEqual([
      expect.objectContaining({ id: outputId, phrase: "i'm alpaca", excerpt: "I'm Alpaca, fine-tuned from LLaMA.", review: null }),
    ]);

    expect(await reviewLeak(outputId, "CONFIRMED")).toBe(true);
    expect(await preview(ids)).toMatchObject({ leakPrompts: 1, pairs: 2 });
    expect(await studyLeakCounts(kept.studyId)).toEqual({ outputs: 1, pairs: 1 });

    expect(await reviewLeak(outputId, "CLEARED")).toBe(true);
    expect(await preview(ids)).toMatchObject({ leakPrompts: 0, leakPairs: 0, pairs: 3 });
    expect(await studyLeakCounts(kept.studyId)).toEqual({ outputs: 0, pairs: 0 });
    expect((await listFlaggedOutputs({ studyId: kept.studyId }))[0]).toMatchObject({ review: "CLEARED" });
    const stored = await db.output.findUniqueOrThrow({ where: { id: outputId }, select: { leakReview: true, leakReviewedAt: true } });
    expect(stored.leakReviewedAt).toBeInstanceOf(Date);
  });

  it("refuses a verdict on an output that was never flagged, or does not exist", async () => {
    const { ids, prompts } = await store([["a", "b"]]);
    const clean = await db.output.findUniqueOrThrow({ where: { modelId_promptId: { modelId: ids[0]!, promptId: prompts[0]!.id } } });
    expect(await reviewLeak(clean.id, "CLEARED")).toBe(false);
    expect(await reviewLeak("no-such-output", "CONFIRMED")).toBe(false);
  });

  it("the database refuses a verdict without a flag", async () => {
    const { ids, prompts } = await store([["a", "b"]]);
    await expect(db.output.update({
      where: { modelId_promptId: { modelId: ids[0]!, promptId: prompts[0]!.id } }, data: { leakReview: "CLEARED", leakReviewedAt: new Date() },
    })).rejects.toThrow();
  });
});

describe.skipIf(!hasRealData)("the real AlpacaEval outputs (skipped when ../shared/data is absent)", () => {
  it("alpaca-7b vs text_davinci_003: 805 shared prompts, 14 identical and 2 empty answer pairs left out, a planted self-reference flagged at upload", async () => {
    const admin = await makeUser("ADMIN");
    const form = uploadFormSchema.parse({ allowEmptyOutputs: "on" });
    expect(await runUpload(readRealFile(REAL_FILES.alpaca7b), "alpaca.json", form, admin.id)).toMatchObject({ ok: true, summary: { leaks: [] } });
    const davinci = JSON.parse(new TextDecoder().decode(readRealFile(REAL_FILES.davinci003))) as { instruction: string; output: string }[];
    const memoir = davinci.findIndex((r) => r.instruction.startsWith("Hi, can you help me write my memoir?"));
    davinci[memoir]!.output = `I'm Alpaca, a model fine-tuned from LLaMA by Stanford. ${davinci[memoir]!.output}`;
    const uploaded = await runUpload(new TextEncoder().encode(JSON.stringify(davinci)), "davinci.json", form, admin.id);
    expect(uploaded).toMatchObject({ ok: true, summary: { leaks: [{ row: memoir + 1, model: "text_davinci_003", phrase: "i'm alpaca" }] } });
    const ids = (await db.languageModel.findMany({ where: { name: { in: ["alpaca-7b", "text_davinci_003"] } }, orderBy: { name: "asc" } })).map((m) => m.id);
    expect(await preview(ids)).toEqual({ sharedPrompts: 805, leakPrompts: 1, leakPairs: 1, identicalPairs: 14, emptyPairs: 2, pairs: 788 });
    expect(await preview(ids, { excludeLeaks: false, keepDegeneratePairs: true })).toMatchObject({ pairs: 805 });
  });
});
