// Creating a study of conversations (issue 21): one pair per judged turn, turns the same for both models
// (a fixed history) left out like identical answers, single instructions judged as their one turn.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createStudy, previewStudy } from "@/lib/data/study-admin";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import { createStudySchema, studyPreviewSchema } from "@/lib/validation/study";
import { makeUser, unique } from "./factories";

async function storeConversations() {
  const [a, b] = await Promise.all([unique("model-a"), unique("model-b")].map((name) => db.languageModel.create({ data: { name } })));
  const store = async (userTurns: string[], turnsA: string[], turnsB: string[]) => {
    const instruction = unique(userTurns[0]!);
    const prompt = await db.prompt.create({
      data: { instruction, textHash: promptTextHash(instruction, userTurns.slice(1).join("\n")), userTurns: userTurns.length > 1 ? [instruction, ...userTurns.slice(1)] : [] },
    });
    const output = (modelId: string, turns: string[]) => ({ promptId: prompt.id, modelId, text: turns.at(-1)!, turns: turns.length > 1 ? turns : [] });
    await db.output.createMany({ data: [output(a!.id, turnsA), output(b!.id, turnsB)] });
    return prompt.id;
  };
  const mtBench = await store(["Write a haiku.", "Now in French."], ["Haiku A", "French A"], ["Haiku B", "French B"]);
  const fixedHistory = await store(["Hi", "Summarise our chat."], ["Hello!", "Summary A"], ["Hello! ", "Summary B"]);
  const single = await store(["Name a colour."], ["Red"], ["Blue"]);
  return { modelIds: [a!.id, b!.id], mtBench, fixedHistory, single };
}

describe("a study of conversations", () => {
  it("makes one pair per judged turn, leaves out a fixed history's turn, and stores the settings", async () => {
    const admin = await makeUser("ADMIN");
    const c = await storeConversations();
    const input = createStudySchema.parse({ name: unique("study"), modelIds: c.modelIds, judgedTurns: "2, 1", showSystemPrompt: "on" });
    expect(await previewStudy(studyPreviewSchema.parse(input))).toMatchObject({ sharedPrompts: 3, identicalPairs: 1, pairs: 4 });
    const result = await createStudy(input, admin.id);
    expect(result).toMatchObject({ ok: true, pairs: 4 });
    if (!result.ok) return;
    const pairs = await db.pair.findMany({ where: { studyId: result.studyId }, select: { promptId: true, turn: true, lengthA: true, lengthB: true } });
    const got = pairs.map((p) => `${p.promptId === c.mtBench ? "mt" : p.promptId === c.fixedHistory ? "fixed" : "single"}:${p.turn}:${p.lengthA}/${p.lengthB}`).sort();
    expect(got).toEqual(["fixed:2:9/9", "mt:1:7/7", "mt:2:8/8", "single:1:3/4"]);
    expect(await db.study.findUniqueOrThrow({ where: { id: result.studyId }, select: { judgedTurns: true, showSystemPrompt: true } }))
      .toEqual({ judgedTurns: [1, 2], showSystemPrompt: true });
  });

  it("judges whole conversations by default, one pair per prompt", async () => {
    const admin = await makeUser("ADMIN");
    const c = await storeConversations();
    const result = await createStudy(createStudySchema.parse({ name: unique("study"), modelIds: c.modelIds }), admin.id);
    if (!result.ok) throw new Error(result.message);
    const pairs = await db.pair.findMany({ where: { studyId: result.studyId }, select: { turn: true, lengthA: true, promptId: true } });
    expect(pairs).toHaveLength(3);
    expect(pairs.every((p) => p.turn === 0)).toBe(true);
    expect(pairs.find((p) => p.promptId === c.mtBench)?.lengthA).toBe(15);
  });

  it("refuses turns that are not whole numbers from 1, or named twice", () => {
    const message = (judgedTurns: unknown) => createStudySchema.safeParse({ name: "s", modelIds: ["a", "b"], judgedTurns }).error?.issues[0]?.message;
    expect(message("0")).toBe("Turns count from 1");
    expect(message("1, 1")).toBe("Name each turn once");
    expect(message("one")).toBe("Turns are numbers, e.g. 1, 2");
    expect(createStudySchema.parse({ name: "s", modelIds: ["a", "b"], judgedTurns: "" }).judgedTurns).toEqual([]);
  });
});
