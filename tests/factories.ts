// Per-test data with unique names, written through the app's own client.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createUser } from "@/lib/data/users";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import type { Role } from "@/lib/generated/prisma/enums";

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export function makeUser(role: Role = "RATER", password = "correct horse battery") {
  return createUser({ email: `${unique(role.toLowerCase())}@test.example`, password, role });
}

/** Two models answering one prompt, and a draft study with that pair. */
export async function makePairFixture() {
  const instruction = unique("Explain");
  const prompt = await db.prompt.create({ data: { instruction, textHash: promptTextHash(instruction, "") } });
  const [modelA, modelB] = await Promise.all([unique("model-a"), unique("model-b")].map((name) => db.languageModel.create({ data: { name } })));
  const outputA = await db.output.create({ data: { promptId: prompt.id, modelId: modelA!.id, text: "answer A" } });
  const outputB = await db.output.create({ data: { promptId: prompt.id, modelId: modelB!.id, text: "answer B" } });
  const study = await db.study.create({ data: { name: unique("study"), inviteToken: unique("invite") } });
  const pair = await db.pair.create({ data: { studyId: study.id, promptId: prompt.id, outputAId: outputA.id, outputBId: outputB.id } });
  return { prompt, modelA: modelA!, modelB: modelB!, outputA, outputB, study, pair };
}

export function makeAssignment(f: { study: { id: string }; pair: { id: string } }, raterId: string) {
  return db.assignment.create({
    data: { id: unique("asg"), studyId: f.study.id, pairId: f.pair.id, raterId, leftIsA: true, expiresAt: new Date(Date.now() + 60_000) },
  });
}
