// Seeds the demo: accounts for each role and one open study with simulated votes
// (flagged isDemo). Once: a later run finds the demo study and adds nothing, not even an account an
// admin has deleted since.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createUser } from "@/lib/data/users";
import type { Choice } from "@/lib/generated/prisma/enums";
import { mulberry32, type Rng } from "@/lib/stats/rng";
import { DEMO_ACCOUNTS } from "@/lib/data/demo-accounts";
import { DEMO_MODELS, DEMO_PROMPTS, hareAnswer, tortoiseAnswer } from "./demo-content";
import { promptTextHash } from "@/lib/ingest/prompt-key";

const SIMULATED_RATERS = 5;
// Raters see the study's name and description: they must not name the models being compared.
const DEMO_STUDY_NAME = "Demo study: everyday instructions";

async function ensureAccounts() {
  for (const account of DEMO_ACCOUNTS) {
    const exists = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (!exists) await createUser(account);
  }
  const simulated = [];
  for (let i = 1; i <= SIMULATED_RATERS; i++) {
    const email = `simulated-rater-${i}@example.com`;
    const user = (await db.user.findUnique({ where: { email }, select: { id: true } })) ??
      (await createUser({ email, password: randomBytes(16).toString("hex"), role: "RATER" }));
    simulated.push(user.id);
  }
  return simulated;
}

async function createPromptsAndOutputs() {
  const models = await Promise.all(
    DEMO_MODELS.map((name) => db.languageModel.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } })),
  );
  const pairs: { promptId: string; outputAId: string; outputBId: string }[] = [];
  for (const p of DEMO_PROMPTS) {
    const textHash = promptTextHash(p.instruction, p.input ?? "");
    const prompt = await db.prompt.upsert({
      where: { textHash },
      create: { instruction: p.instruction, input: p.input ?? "", category: p.category, dataset: "pairwise-demo", textHash },
      update: {},
      select: { id: true },
    });
    const texts = [tortoiseAnswer(p), hareAnswer(p)];
    const outputs = await Promise.all(
      models.map((m, i) =>
        db.output.upsert({
          where: { modelId_promptId: { modelId: m.id, promptId: prompt.id } },
          create: { modelId: m.id, promptId: prompt.id, text: texts[i]! },
          update: {},
          select: { id: true },
        }),
      ),
    );
    pairs.push({ promptId: prompt.id, outputAId: outputs[0]!.id, outputBId: outputs[1]!.id });
  }
  return { modelIds: models.map((m) => m.id), pairs };
}

// Simulated raters mildly prefer the structured answer, with ties and the odd "both bad".
function simulatedChoice(rng: Rng, leftIsA: boolean): Choice {
  const r = rng();
  const preferred = r < 0.5 ? "B" : r < 0.85 ? "A" : r < 0.95 ? "TIE" : "BOTH_BAD";
  if (preferred === "TIE" || preferred === "BOTH_BAD") return preferred;
  return (preferred === "A") === leftIsA ? "LEFT" : "RIGHT";
}

export async function seedDemo(): Promise<"seeded" | "already-seeded"> {
  if (await db.study.findFirst({ where: { isDemo: true }, select: { id: true } })) return "already-seeded";
  const simulated = await ensureAccounts();
  const { modelIds, pairs } = await createPromptsAndOutputs();
  const rater = await db.user.findUniqueOrThrow({ where: { email: "rater@example.com" }, select: { id: true } });
  const rng = mulberry32(20230313);
  await db.$transaction(async (tx) => {
    const study = await tx.study.create({
      data: {
        name: DEMO_STUDY_NAME, isDemo: true, status: "OPEN", openedAt: new Date(), votesPerPair: 3,
        description: "Made-up demo data: 30 everyday instructions answered by two fictional models, with simulated votes.",
        guidelines: "Pick the answer that follows the instruction better: **correct**, **helpful**, **clear**.\n\nLength alone is not quality.",
        inviteToken: randomBytes(18).toString("base64url"),
        models: { create: modelIds.map((modelId) => ({ modelId })) },
        members: { create: [rater.id, ...simulated].map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    for (const pair of pairs) {
      const created = await tx.pair.create({ data: { studyId: study.id, ...pair }, select: { id: true } });
      const voters = simulated.filter(() => rng() < 0.4).slice(0, 2);
      for (const raterId of voters) {
        const leftIsA = rng() < 0.5;
        const choice = simulatedChoice(rng, leftIsA);
        const servedAt = new Date(Date.now() - 3_600_000 - Math.floor(rng() * 86_400_000));
        const msTaken = 8_000 + Math.floor(rng() * 40_000);
        const winner = choice === "LEFT" ? (leftIsA ? pair.outputAId : pair.outputBId)
          : choice === "RIGHT" ? (leftIsA ? pair.outputBId : pair.outputAId) : null;
        const assignment = await tx.assignment.create({
          data: {
            id: randomBytes(16).toString("base64url"), studyId: study.id, pairId: created.id, raterId, leftIsA, servedAt,
            expiresAt: new Date(servedAt.getTime() + 900_000), completedAt: new Date(servedAt.getTime() + msTaken),
          },
          select: { id: true },
        });
        await tx.vote.create({
          data: {
            assignmentId: assignment.id, studyId: study.id, pairId: created.id, raterId, choice,
            winnerOutputId: winner, msTaken, isDemo: true, createdAt: new Date(servedAt.getTime() + msTaken),
          },
        });
      }
    }
  }, { timeout: 60_000 });
  return "seeded";
}
