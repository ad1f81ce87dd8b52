// Factories for the rating flow: an open study with N pairs of two fresh models, and raters in it.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import type { Prisma } from "@/lib/generated/prisma/client";
import { unique } from "./factories";

type StudyOptions = Partial<Pick<Prisma.StudyCreateInput,
  "votesPerPair" | "allowTie" | "allowBothBad" | "rationale" | "minSecondsPerPair" | "revealAfterVote" |
  "goldRate" | "leaseSeconds" | "completionCode" | "completionUrl" | "guidelines" | "voteSettleMs" | "requireSeenBoth" |
  "undoSeconds" | "maxVotesPerRater" | "minVotesForCompletion" | "consentText" | "screenOutCode" | "screenOutUrl" | "issues" | "criteria" |
  "adaptiveVotes" | "stopLevel" | "voteBudget">>;

export async function makeOpenStudy(pairCount: number, options: StudyOptions = {}) {
  const [modelA, modelB] = await Promise.all(
    [unique("secret-model-a"), unique("secret-model-b")].map((name) => db.languageModel.create({ data: { name } })),
  );
  const study = await db.study.create({
    data: { name: unique("study"), inviteToken: unique("invite"), status: "OPEN", openedAt: new Date(), ...options },
  });
  const tag = unique("p");
  const instructions = Array.from({ length: pairCount }, (_, i) => `Instruction ${i} ${tag}`);
  const prompts = await db.prompt.createManyAndReturn({
    data: instructions.map((instruction) => ({ instruction, textHash: promptTextHash(instruction, "") })),
  });
  const outputsOf = (model: { id: string }, side: string) =>
    db.output.createManyAndReturn({
      data: prompts.map((p, i) => ({ promptId: p.id, modelId: model.id, text: `answer ${side} ${i} ${tag}` })),
    });
  const [outputsA, outputsB] = await Promise.all([outputsOf(modelA!, "A"), outputsOf(modelB!, "B")]);
  const byPrompt = (outputs: typeof outputsA) => new Map(outputs.map((o) => [o.promptId, o]));
  const [aOf, bOf] = [byPrompt(outputsA), byPrompt(outputsB)];
  const created = await db.pair.createManyAndReturn({
    data: prompts.map((p) => ({ studyId: study.id, promptId: p.id, outputAId: aOf.get(p.id)!.id, outputBId: bOf.get(p.id)!.id })),
  });
  const promptOf = new Map(prompts.map((p) => [p.id, p]));
  // In creation order, so tests can rely on pairs[i] answering instruction i.
  const pairs = created
    .map((pair) => ({ ...pair, prompt: promptOf.get(pair.promptId)!, outputA: aOf.get(pair.promptId)!, outputB: bOf.get(pair.promptId)! }))
    .sort((x, y) => instructions.indexOf(x.prompt.instruction) - instructions.indexOf(y.prompt.instruction));
  return { study, pairs, modelA: modelA!, modelB: modelB! };
}

/** Raters who are members of the study (no password: the rating flow never signs them in here). */
export async function makeRaters(studyId: string, count: number) {
  const raters = Array.from({ length: count }, () => ({
    id: `rater_${randomBytes(8).toString("hex")}`,
    email: `${unique("rater")}@test.example`,
    pseudonym: unique("r"),
    role: "RATER" as const,
  }));
  await db.user.createMany({ data: raters });
  await db.studyMember.createMany({ data: raters.map((r) => ({ studyId, userId: r.id })) });
  return raters;
}

/** Moves a lease into the past, as if the rater had walked away. */
export function expireAssignment(id: string) {
  return db.assignment.update({
    where: { id },
    data: { servedAt: new Date(Date.now() - 7_200_000), expiresAt: new Date(Date.now() - 3_600_000) },
  });
}

/** Moves a vote back in time (as if cast `seconds` ago), past the trigger that keeps a vote's time fixed. */
export function ageVote(assignmentId: string, seconds: number) {
  return db.$transaction([
    db.$executeRaw`SET LOCAL session_replication_role = replica`,
    db.$executeRaw`UPDATE "Vote" SET "createdAt" = "createdAt" - make_interval(secs => ${seconds}::int) WHERE "assignmentId" = ${assignmentId}`,
  ]);
}
