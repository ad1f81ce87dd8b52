// Factories for results and judge tests: models, prompts, outputs, pairs and votes with a known
// side and outcome, written straight through the db client (no voting flow needed).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { db } from "@/lib/db";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import { unique } from "./factories";

export async function makeModels(...names: string[]) {
  return Promise.all(names.map((name) => db.languageModel.create({ data: { name: unique(name) }, select: { id: true, name: true } })));
}

export async function makeStudy(models: { id: string }[], data: { minSecondsPerPair?: number } = {}) {
  return db.study.create({
    data: {
      name: unique("results-study"), inviteToken: unique("invite"), status: "OPEN", openedAt: new Date(), ...data,
      models: { create: models.map((m) => ({ modelId: m.id })) },
    },
    select: { id: true },
  });
}

export type PromptSpec = { category?: string | null; dataset?: string | null; instruction?: string; input?: string };

export async function makePrompt(spec: PromptSpec = {}) {
  const instruction = spec.instruction ?? unique("Instruction");
  const input = spec.input ?? "";
  return db.prompt.create({
    data: { instruction, input, category: spec.category ?? null, dataset: spec.dataset ?? null, textHash: promptTextHash(instruction, input) },
    select: { id: true },
  });
}

export function makeOutput(promptId: string, modelId: string, text: string) {
  return db.output.create({ data: { promptId, modelId, text }, select: { id: true } });
}

export function makeStudyPair(studyId: string, promptId: string, outputAId: string, outputBId: string, extra: { goldOutputId?: string; excluded?: boolean } = {}) {
  return db.pair.create({ data: { studyId, promptId, outputAId, outputBId, ...extra }, select: { id: true, outputAId: true, outputBId: true } });
}

/** What the rater meant, in the pair's A/B terms: A or B better, a tie, or both bad. */
export type Outcome = "A" | "B" | "T" | "X";

export type VoteSpec = {
  pair: { id: string; outputAId: string; outputBId: string };
  raterId: string;
  outcome: Outcome;
  leftIsA: boolean;
  msTaken?: number;
  at?: Date;
  tooFast?: boolean;
  flagged?: boolean;
  rationale?: string;
};

/** Stores the assignment and vote; the pressed side follows from the outcome and leftIsA. */
export async function castVote(studyId: string, v: VoteSpec) {
  const choice = v.outcome === "T" ? "TIE" : v.outcome === "X" ? "BOTH_BAD" : (v.outcome === "A") === v.leftIsA ? "LEFT" : "RIGHT";
  const winnerOutputId = v.outcome === "A" ? v.pair.outputAId : v.outcome === "B" ? v.pair.outputBId : null;
  const msTaken = v.msTaken ?? 20_000;
  const votedAt = v.at ?? new Date();
  const servedAt = new Date(votedAt.getTime() - msTaken);
  const assignment = await db.assignment.create({
    data: {
      id: randomBytes(12).toString("base64url"), studyId, pairId: v.pair.id, raterId: v.raterId, leftIsA: v.leftIsA,
      servedAt, expiresAt: new Date(servedAt.getTime() + 900_000), completedAt: votedAt,
      flaggedAt: v.flagged ? votedAt : null, flagReason: v.flagged ? "test flag" : null,
    },
    select: { id: true },
  });
  return db.vote.create({
    data: {
      assignmentId: assignment.id, studyId, pairId: v.pair.id, raterId: v.raterId, choice, winnerOutputId, msTaken,
      tooFast: v.tooFast ?? false, rationale: v.rationale ?? null, createdAt: votedAt,
    },
    select: { id: true },
  });
}

type AlpacaOutput = { instruction: string; output: string; generator: string; dataset?: string };

/**
 * A study over the real AlpacaEval outputs of two models (one pair per prompt, output A = first file),
 * with LanguageModel rows named like the files' generators. Model names are global in the database,
 * so a test run reuses existing rows with those names.
 */
export async function makeStudyFromAlpacaEval(fileA: string, fileB: string) {
  const [a, b] = await Promise.all([fileA, fileB].map(async (f) => JSON.parse(await readFile(f, "utf8")) as AlpacaOutput[]));
  if (!a?.length || !b?.length) throw new Error("empty model outputs file");
  const models = await Promise.all(
    [a[0]!.generator, b[0]!.generator].map((name) => db.languageModel.upsert({ where: { name }, create: { name }, update: {}, select: { id: true, name: true } })),
  );
  const [modelA, modelB] = models as [{ id: string; name: string }, { id: string; name: string }];
  const study = await makeStudy(models);
  const byHash = new Map(b.map((row) => [promptTextHash(row.instruction, ""), row] as const));
  const promptRows = a.map((row) => ({ hash: promptTextHash(row.instruction, ""), row })).filter((p) => byHash.has(p.hash));
  await db.prompt.createMany({
    data: promptRows.map(({ hash, row }) => ({ instruction: row.instruction, dataset: row.dataset ?? null, textHash: hash })),
    skipDuplicates: true,
  });
  const prompts = await db.prompt.findMany({ where: { textHash: { in: promptRows.map((p) => p.hash) } }, select: { id: true, textHash: true } });
  const promptId = new Map(prompts.map((p) => [p.textHash, p.id] as const));
  await db.output.createMany({
    data: promptRows.flatMap(({ hash, row }) => [
      { promptId: promptId.get(hash)!, modelId: modelA.id, text: row.output },
      { promptId: promptId.get(hash)!, modelId: modelB.id, text: byHash.get(hash)!.output },
    ]),
    skipDuplicates: true,
  });
  const outputs = await db.output.findMany({ where: { promptId: { in: [...promptId.values()] }, modelId: { in: [modelA.id, modelB.id] } }, select: { id: true, promptId: true, modelId: true } });
  const outputOf = new Map(outputs.map((o) => [`${o.promptId}:${o.modelId}`, o.id] as const));
  await db.pair.createMany({
    data: [...promptId.values()].map((pid) => ({
      studyId: study.id, promptId: pid, outputAId: outputOf.get(`${pid}:${modelA.id}`)!, outputBId: outputOf.get(`${pid}:${modelB.id}`)!,
    })),
  });
  return { study, modelA, modelB, pairs: promptId.size };
}

/**
 * A study of 1,000 pairs that the same 20 raters each voted on (20,000 votes, the least the results keep
 * and store: keepFigures), written set-based as the benchmark seeds, with every row consistent.
 */
export async function makeLargeVotedStudy(): Promise<{ id: string }> {
  const [ma, mb] = await makeModels("large-a", "large-b");
  const study = await makeStudy([ma!, mb!]);
  const s = study.id;
  const NOW = `(now() AT TIME ZONE 'UTC')`;
  for (const sql of [
    `INSERT INTO "Prompt" (id, instruction, "textHash") SELECT '${s}p' || i, 'Instruction ' || i || ' ${s}', md5('${s}' || i) FROM generate_series(1, 1000) i`,
    `INSERT INTO "Output" (id, "promptId", "modelId", text)
       SELECT '${s}o' || m || i, '${s}p' || i, CASE m WHEN 'a' THEN '${ma!.id}' ELSE '${mb!.id}' END, repeat('answer ', 1 + i % 7)
       FROM generate_series(1, 1000) i, (VALUES ('a'), ('b')) t(m)`,
    `INSERT INTO "Pair" (id, "studyId", "promptId", "outputAId", "outputBId") SELECT '${s}q' || i, '${s}', '${s}p' || i, '${s}oa' || i, '${s}ob' || i FROM generate_series(1, 1000) i`,
    `INSERT INTO "User" (id, pseudonym) SELECT '${s}u' || r, '${s}r' || r FROM generate_series(1, 20) r`,
    `INSERT INTO "StudyMember" ("studyId", "userId") SELECT '${s}', '${s}u' || r FROM generate_series(1, 20) r`,
    `INSERT INTO "Assignment" (id, "studyId", "pairId", "raterId", "leftIsA", "servedAt", "expiresAt", "completedAt")
       SELECT '${s}x' || i || '_' || r, '${s}', '${s}q' || i, '${s}u' || r, true, ${NOW}, ${NOW} + interval '1 hour', ${NOW}
       FROM generate_series(1, 1000) i, generate_series(1, 20) r`,
    `INSERT INTO "Vote" (id, "assignmentId", "studyId", "pairId", "raterId", choice, "winnerOutputId", "msTaken")
       SELECT '${s}v' || i || '_' || r, '${s}x' || i || '_' || r, '${s}', '${s}q' || i, '${s}u' || r,
              (ARRAY['LEFT', 'RIGHT', 'TIE'])[1 + (i + r) % 3]::"Choice",
              CASE (i + r) % 3 WHEN 0 THEN '${s}oa' || i WHEN 1 THEN '${s}ob' || i END, 1000 + i
       FROM generate_series(1, 1000) i, generate_series(1, 20) r`,
  ]) await db.$executeRawUnsafe(sql);
  return study;
}
