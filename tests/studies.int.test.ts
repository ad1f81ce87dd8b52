// Creating studies from stored outputs, their lifecycle, and how raters join.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { joinStudy } from "@/lib/data/invitations";
import { SYSTEM } from "@/lib/data/audit";
import { addRatersByEmail, changeStudyStatus, createStudy } from "@/lib/data/study-admin";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import { createStudySchema } from "@/lib/validation/study";
import { makeUser, unique } from "./factories";

/** n prompts answered by every model, plus one prompt answered only by the first. */
async function storeFixture(modelCount: number, n: number) {
  const models = await Promise.all(Array.from({ length: modelCount }, () => db.languageModel.create({ data: { name: unique("model") } })));
  const prompts = [];
  for (let i = 0; i < n + 1; i++) {
    const instruction = unique(`prompt ${i}`);
    const prompt = await db.prompt.create({ data: { instruction, textHash: promptTextHash(instruction, "") } });
    prompts.push(prompt);
    const answering = i === n ? models.slice(0, 1) : models;
    await db.output.createMany({ data: answering.map((m) => ({ promptId: prompt.id, modelId: m.id, text: `${m.name} on ${i}` })) });
  }
  return { models, prompts };
}

const settings = (modelIds: string[], extra: Record<string, unknown> = {}) =>
  createStudySchema.parse({ name: unique("study"), modelIds, ...extra });

describe("createStudy", () => {
  it("makes one pair per prompt that both models answered, with A from the first chosen model", async () => {
    const admin = await makeUser("ADMIN");
    const { models } = await storeFixture(2, 5);
    const result = await createStudy(settings([models[1]!.id, models[0]!.id]), admin.id);
    expect(result).toMatchObject({ ok: true, pairs: 5 });
    if (!result.ok) return;
    const pairs = await db.pair.findMany({ where: { studyId: result.studyId }, select: { outputA: { select: { modelId: true } }, outputB: { select: { modelId: true } } } });
    expect(pairs.every((p) => p.outputA.modelId === models[1]!.id && p.outputB.modelId === models[0]!.id)).toBe(true);
    const study = await db.study.findUniqueOrThrow({ where: { id: result.studyId } });
    expect(study.status).toBe("DRAFT");
    expect(study.votesPerPair).toBe(3);
  });

  it("stores the deliberate-vote settings, with defaults for those not given, and refuses a code minimum above the cap", async () => {
    const admin = await makeUser("ADMIN");
    const { models } = await storeFixture(2, 2);
    const ids = models.map((m) => m.id);
    const pick = { voteSettleMs: true, requireSeenBoth: true, undoSeconds: true, maxVotesPerRater: true, minVotesForCompletion: true } as const;
    const stored = async (extra: Record<string, unknown>) => {
      const result = await createStudy(settings(ids, extra), admin.id);
      if (!result.ok) throw new Error(result.message);
      return db.study.findUniqueOrThrow({ where: { id: result.studyId }, select: pick });
    };
    expect(await stored({})).toEqual({ voteSettleMs: 300, requireSeenBoth: true, undoSeconds: 10, maxVotesPerRater: null, minVotesForCompletion: 1 });
    // As the form sends them: text fields, an unticked box, an empty cap.
    expect(await stored({ voteSettleMs: "500", requireSeenBoth: false, undoSeconds: "0", maxVotesPerRater: "", minVotesForCompletion: "3" }))
      .toEqual({ voteSettleMs: 500, requireSeenBoth: false, undoSeconds: 0, maxVotesPerRater: null, minVotesForCompletion: 3 });
    expect(await stored({ maxVotesPerRater: 20, minVotesForCompletion: 20 })).toMatchObject({ maxVotesPerRater: 20, minVotesForCompletion: 20 });
    const refused = (extra: Record<string, unknown>) => createStudySchema.safeParse({ name: "s", modelIds: ids, ...extra }).error?.issues[0];
    expect(refused({ maxVotesPerRater: 5, minVotesForCompletion: 6 })).toMatchObject({ path: ["minVotesForCompletion"] });
    expect(refused({ undoSeconds: 301 })?.message).toBe("The undo window must be at most 300 seconds");
    expect(refused({ voteSettleMs: -1 })?.message).toBe("The settle time cannot be negative");
    expect(refused({ maxVotesPerRater: 0 })?.message).toBe("Allow each rater at least 1 vote, or leave it empty");
  });

  it("samples reproducibly with a seed", async () => {
    const admin = await makeUser("ADMIN");
    const { models } = await storeFixture(2, 8);
    const ids = models.map((m) => m.id);
    const promptsOf = async (r: Awaited<ReturnType<typeof createStudy>>) =>
      r.ok ? (await db.pair.findMany({ where: { studyId: r.studyId }, select: { promptId: true }, orderBy: { promptId: "asc" } })).map((p) => p.promptId) : [];
    const a = await promptsOf(await createStudy(settings(ids, { sampleSize: 3, seed: 11 }), admin.id));
    const b = await promptsOf(await createStudy(settings(ids, { sampleSize: 3, seed: 11 }), admin.id));
    expect(a).toHaveLength(3);
    expect(b).toEqual(a);
  });

  it("pairs every model with every other on each prompt with three models", async () => {
    const admin = await makeUser("ADMIN");
    const { models } = await storeFixture(3, 4);
    const result = await createStudy(settings(models.map((m) => m.id)), admin.id);
    expect(result).toMatchObject({ ok: true, pairs: 12 });
  });

  it("leaves out prompts with a possible identity leak when asked", async () => {
    const admin = await makeUser("ADMIN");
    const { models, prompts } = await storeFixture(2, 4);
    await db.output.updateMany({ where: { promptId: prompts[0]!.id, modelId: models[0]!.id }, data: { leakPhrase: "as an ai language model" } });
    expect(await createStudy(settings(models.map((m) => m.id), { excludeLeaks: true }), admin.id)).toMatchObject({ ok: true, pairs: 3 });
  });

  it("refuses models without a common prompt", async () => {
    const admin = await makeUser("ADMIN");
    const [a, b] = await Promise.all([unique("solo"), unique("solo")].map((name) => db.languageModel.create({ data: { name } })));
    expect(await createStudy(settings([a!.id, b!.id]), admin.id)).toEqual({ ok: false, message: "The chosen models have no prompt that all of them answered." });
  });
});

describe("study lifecycle", () => {
  it("goes draft → open → closed and never back", async () => {
    const admin = await makeUser("ADMIN");
    const { models } = await storeFixture(2, 2);
    const created = await createStudy(settings(models.map((m) => m.id)), admin.id);
    if (!created.ok) throw new Error(created.message);
    expect(await changeStudyStatus(created.studyId, "CLOSED", SYSTEM)).toEqual({ ok: false, message: "The study is draft; it cannot become closed." });
    expect(await changeStudyStatus(created.studyId, "OPEN", SYSTEM)).toEqual({ ok: true });
    expect(await changeStudyStatus(created.studyId, "OPEN", SYSTEM)).toEqual({ ok: false, message: "The study is open; it cannot become open." });
    expect(await changeStudyStatus(created.studyId, "CLOSED", SYSTEM)).toEqual({ ok: true });
    expect(await changeStudyStatus(created.studyId, "OPEN", SYSTEM)).toMatchObject({ ok: false });
    const study = await db.study.findUniqueOrThrow({ where: { id: created.studyId } });
    expect(study.openedAt).toBeInstanceOf(Date);
    expect(study.closedAt).toBeInstanceOf(Date);
  });
});

describe("raters joining", () => {
  async function openStudy() {
    const admin = await makeUser("ADMIN");
    const { models } = await storeFixture(2, 2);
    const created = await createStudy(settings(models.map((m) => m.id)), admin.id);
    if (!created.ok) throw new Error(created.message);
    await changeStudyStatus(created.studyId, "OPEN", SYSTEM);
    return db.study.findUniqueOrThrow({ where: { id: created.studyId } });
  }

  it("adds rater accounts by email, invites unknown emails through links of their own, and refuses staff accounts", async () => {
    const study = await openStudy();
    const [rater, researcher] = await Promise.all([makeUser("RATER"), makeUser("RESEARCHER")]);
    const stranger = `${unique("new")}@test.example`;
    const result = await addRatersByEmail(study.id, [rater.email!, researcher.email!, stranger]);
    expect(result).toEqual({
      added: [rater.email], notRaters: [researcher.email],
      invited: [{ email: stranger, token: expect.any(String), expiresAt: expect.any(Date) }],
    });
    expect(await db.studyMember.count({ where: { studyId: study.id } })).toBe(1);
    expect(await addRatersByEmail("no-such-study", [stranger])).toBeNull();
  });

  it("lets a signed-in rater join, but not an admin, and not a closed study", async () => {
    const study = await openStudy();
    const [rater, admin] = await Promise.all([makeUser("RATER"), makeUser("ADMIN")]);
    expect(await joinStudy(study.inviteToken, rater)).toEqual({ ok: true, studyId: study.id });
    expect(await joinStudy(study.inviteToken, rater)).toEqual({ ok: true, studyId: study.id });
    expect(await db.studyMember.count({ where: { studyId: study.id, userId: rater.id } })).toBe(1);
    expect(await joinStudy(study.inviteToken, admin)).toMatchObject({ ok: false });
    await changeStudyStatus(study.id, "CLOSED", SYSTEM);
    expect(await joinStudy(study.inviteToken, await makeUser("RATER"))).toMatchObject({ ok: false });
  });
});
