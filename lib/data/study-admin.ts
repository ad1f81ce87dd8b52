// Admin side of studies: creation from uploaded outputs, lifecycle, raters and invitations.
import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { openNextPrompts } from "@/lib/data/pair-opening";
import { type Actor, recordAudit } from "@/lib/data/audit";
import { newInviteLink } from "@/lib/data/invitations";
import { studyChanged } from "@/lib/data/study-changes";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ModelChoice } from "@/lib/admin/types";
import { planStudy, type PlanPrompt, type StudyPlanCounts } from "@/lib/studies/study-plan";
import type { CreateStudyInput, StudyPreviewInput } from "@/lib/validation/study";

const BATCH = 2_000;

export type { ModelChoice };

export async function listModelsWithCounts(): Promise<ModelChoice[]> {
  const models = await db.languageModel.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { outputs: true } } },
  });
  return models.map((m) => ({ id: m.id, name: m.name, outputs: m._count.outputs }));
}

// Prompts that every chosen model answered, each answer with its whitespace-normalised text's md5
// ("" when empty: answerKey's twin), in a conversation also each turn's (the whole conversation's key
// then covers every turn), and whether one of the answers is flagged and not cleared.
async function commonPrompts(modelIds: string[]): Promise<PlanPrompt[]> {
  const rows = await db.$queryRaw<{ promptId: string; modelId: string; id: string; key: string; turnKeys: string[]; leaky: boolean }[]>`
    WITH common AS (
      SELECT o."promptId", bool_or(o."leakPhrase" IS NOT NULL AND o."leakReview" IS DISTINCT FROM 'CLEARED') AS leaky
      FROM "Output" o
      WHERE o."modelId" = ANY(${modelIds}::text[])
      GROUP BY o."promptId"
      HAVING count(DISTINCT o."modelId") = ${modelIds.length}
    ), answers AS (
      SELECT o."promptId", o."modelId", o.id, c.leaky, btrim(regexp_replace(o.text, '\\s+', ' ', 'g')) AS norm,
        ARRAY(SELECT btrim(regexp_replace(t, '\\s+', ' ', 'g')) FROM unnest(o.turns) WITH ORDINALITY u(t, n) ORDER BY n) AS turns
      FROM "Output" o JOIN common c USING ("promptId")
      WHERE o."modelId" = ANY(${modelIds}::text[])
    )
    SELECT "promptId", "modelId", id, leaky,
      CASE WHEN norm = '' THEN '' WHEN cardinality(turns) = 0 THEN md5(norm) ELSE md5(array_to_string(turns, chr(31))) END AS key,
      ARRAY(SELECT CASE WHEN t = '' THEN '' ELSE md5(t) END FROM unnest(turns) WITH ORDINALITY u(t, n) ORDER BY n) AS "turnKeys"
    FROM answers`;
  const byPrompt = new Map<string, PlanPrompt>();
  for (const r of rows) {
    if (!byPrompt.has(r.promptId)) byPrompt.set(r.promptId, { promptId: r.promptId, answers: new Map(), leaky: r.leaky });
    byPrompt.get(r.promptId)!.answers.set(r.modelId, { id: r.id, key: r.key, turnKeys: r.turnKeys });
  }
  return [...byPrompt.values()];
}

/** The counts the new-study form shows before anything is created: the same plan createStudy makes. */
export async function previewStudy(input: StudyPreviewInput): Promise<StudyPlanCounts> {
  const plan = planStudy(await commonPrompts(input.modelIds), input);
  return {
    sharedPrompts: plan.sharedPrompts, leakPrompts: plan.leakPrompts, leakPairs: plan.leakPairs,
    identicalPairs: plan.identicalPairs, emptyPairs: plan.emptyPairs, pairs: plan.pairs,
  };
}

export type CreateStudyResult = { ok: true; studyId: string; pairs: number } | { ok: false; message: string };

/**
 * Sampling of model pairs: the prompts' opening order, drawn here (unpredictable, fixed before any vote),
 * each pair carrying its prompt's place and held until its prompt opens (lib/data/pair-opening.ts).
 * Gold pairs are not sampled: they go to raters as in any study.
 */
function inOpeningOrder<P extends { promptId: string; goldOutputId?: string | null }>(planned: readonly P[]) {
  const prompts = [...new Set(planned.filter((p) => !p.goldOutputId).map((p) => p.promptId))];
  for (let i = prompts.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [prompts[i], prompts[j]] = [prompts[j]!, prompts[i]!];
  }
  const rank = new Map(prompts.map((id, i) => [id, i] as const));
  const pairs = planned.map((p) => (p.goldOutputId ? p : { ...p, sampleRank: rank.get(p.promptId)!, held: true }));
  return { pairs, samplingPrompts: prompts.length };
}

export async function createStudy(input: CreateStudyInput, createdById: string): Promise<CreateStudyResult> {
  const found = await db.languageModel.count({ where: { id: { in: input.modelIds } } });
  if (found !== input.modelIds.length) return { ok: false, message: "One of the chosen models does not exist." };
  const prompts = await commonPrompts(input.modelIds);
  if (!prompts.length) return { ok: false, message: "The chosen models have no prompt that all of them answered." };
  const plan = planStudy(prompts, input);
  if (!plan.planned.length) return { ok: false, message: "Every shared prompt was left out (self-references, identical or empty answers): no pairs are left." };
  const { pairs, samplingPrompts } = input.pairsPerPrompt === undefined ? { pairs: plan.planned, samplingPrompts: 0 } : inOpeningOrder(plan.planned);
  const studyId = await db.$transaction(async (tx) => {
    const study = await tx.study.create({
      data: {
        name: input.name, description: input.description, guidelines: input.guidelines, votesPerPair: input.votesPerPair,
        allowTie: input.allowTie, allowBothBad: input.allowBothBad, rationale: input.rationale, sampleSize: input.sampleSize ?? null,
        seed: input.seed, allModelPairs: input.allModelPairs, minSecondsPerPair: input.minSecondsPerPair,
        judgedTurns: input.judgedTurns, showSystemPrompt: input.showSystemPrompt,
        adaptiveVotes: input.adaptiveVotes, stopLevel: input.stopLevel ?? null, voteBudget: input.voteBudget ?? null,
        pairsPerPrompt: input.pairsPerPrompt ?? null, pairSamplingRule: input.pairSamplingRule, samplingPrompts,
        revealAfterVote: input.revealAfterVote, completionCode: input.completionCode ?? null,
        completionUrl: input.completionUrl ?? null, screenOutCode: input.screenOutCode ?? null,
        screenOutUrl: input.screenOutUrl ?? null, consentText: input.consentText, crowdEnabled: input.crowdEnabled, crowdIdParam: input.crowdIdParam,
        voteSettleMs: input.voteSettleMs, requireSeenBoth: input.requireSeenBoth, undoSeconds: input.undoSeconds,
        maxVotesPerRater: input.maxVotesPerRater ?? null, minVotesForCompletion: input.minVotesForCompletion,
        excludedLeakPairs: input.excludeLeaks ? plan.leakPairs : null,
        excludedDegeneratePairs: input.keepDegeneratePairs ? null : plan.identicalPairs + plan.emptyPairs,
        inviteToken: randomBytes(18).toString("base64url"), createdById,
        models: { create: input.modelIds.map((modelId) => ({ modelId })) },
        issues: { create: input.issues.map((issue, position) => ({ ...issue, position })) },
        criteria: { create: input.criteria.map((criterion, position) => ({ ...criterion, position })) },
      },
      select: { id: true },
    });
    for (let i = 0; i < pairs.length; i += BATCH) {
      await tx.pair.createMany({ data: pairs.slice(i, i + BATCH).map((p) => ({ ...p, studyId: study.id })) });
    }
    return study.id;
  }, { timeout: 120_000 });
  return { ok: true, studyId, pairs: pairs.length };
}

export type StatusChange = { ok: true } | { ok: false; message: string };

/** draft → open → closed. Pairs are frozen from the moment a study opens. */
export async function changeStudyStatus(studyId: string, status: "OPEN" | "CLOSED", actor: Actor): Promise<StatusChange> {
  const data = status === "OPEN" ? { status, openedAt: new Date() } : { status, closedAt: new Date() };
  const where: Prisma.StudyWhereInput = status === "OPEN"
    ? { id: studyId, status: "DRAFT", pairs: { some: {} } }
    : { id: studyId, status: "OPEN" };
  const count = await db.$transaction(async (tx) => {
    const changed = (await tx.study.updateMany({ where, data })).count;
    if (changed === 1) await recordAudit(tx, { studyId, actor, action: status === "OPEN" ? "STUDY_OPENED" : "STUDY_CLOSED" });
    return changed;
  });
  if (count === 1) {
    studyChanged(studyId);
    // A study that samples model pairs opens its first prompts now, so its first raters do not wait for it
    // (should it fail, the first rater's request opens them, as it would have).
    if (status === "OPEN") {
      await openNextPrompts(studyId, 0).catch((error: unknown) => console.error(`[pairwise] opening the first prompts failed (study ${studyId})`, error));
    }
    return { ok: true };
  }
  const study = await db.study.findUnique({ where: { id: studyId }, select: { status: true } });
  if (!study) return { ok: false, message: "No such study." };
  if (status === "OPEN" && study.status === "DRAFT") return { ok: false, message: "A study needs at least one pair to open." };
  return { ok: false, message: `The study is ${study.status.toLowerCase()}; it cannot become ${status.toLowerCase()}.` };
}

/** An email invitation's link as the admin gets it, once: only the token's hash is stored. */
export type InviteLink = { email: string; token: string; expiresAt: Date };

export type AddRatersResult = { added: string[]; invited: InviteLink[]; notRaters: string[] };

/**
 * Existing rater accounts become members. Every other email gets an invitation with a fresh
 * single-use link, replacing any earlier one: adding an email again is how the admin renews its link.
 */
export async function addRatersByEmail(studyId: string, emails: string[]): Promise<AddRatersResult | null> {
  if (!(await db.study.findUnique({ where: { id: studyId }, select: { id: true } }))) return null;
  const users = await db.user.findMany({ where: { email: { in: emails }, deletedAt: null }, select: { id: true, email: true, role: true } });
  const raters = users.filter((u) => u.role === "RATER");
  const known = new Set(users.map((u) => u.email));
  // Once per email: a repeated one would otherwise get two links, the first dead on arrival.
  const links = [...new Set(emails)].filter((e) => !known.has(e)).map((email) => ({ email, ...newInviteLink() }));
  await db.$transaction([
    db.studyMember.createMany({ data: raters.map((u) => ({ studyId, userId: u.id })), skipDuplicates: true }),
    ...links.map(({ email, tokenHash, expiresAt }) => db.studyInvite.upsert({
      where: { studyId_email: { studyId, email } },
      create: { studyId, email, tokenHash, expiresAt },
      update: { tokenHash, expiresAt, acceptedAt: null },
    })),
  ]);
  return {
    added: raters.map((u) => u.email!),
    invited: links.map(({ email, token, expiresAt }) => ({ email, token, expiresAt })),
    notRaters: users.filter((u) => u.role !== "RATER").map((u) => u.email!),
  };
}
