// An open two-model study with rater accounts, written straight to the database (DATABASE_URL must
// be set first), for the script tests that drive voting over HTTP.
import { randomBytes } from "node:crypto";

export type VotingStudySpec = { prefix: string; raters: number; pairs: number; votesPerPair: number; password: string };

export async function seedVotingStudy(spec: VotingStudySpec): Promise<{ studyId: string; emails: string[] }> {
  const { db } = await import("@/lib/db");
  const { createUser } = await import("@/lib/data/users");
  const { promptTextHash } = await import("@/lib/ingest/prompt-key");
  const models = await Promise.all(["a", "b"].map((x) => db.languageModel.create({ data: { name: `${spec.prefix}-${x}` } })));
  const emails = Array.from({ length: spec.raters }, (_, i) => `${spec.prefix}-rater-${i}@example.com`);
  const raters = await Promise.all(emails.map((email) => createUser({ email, password: spec.password, role: "RATER" })));
  const study = await db.study.create({
    data: {
      name: `${spec.prefix} study`, status: "OPEN", openedAt: new Date(), votesPerPair: spec.votesPerPair,
      inviteToken: randomBytes(12).toString("hex"), members: { create: raters.map((r) => ({ userId: r.id })) },
    },
  });
  for (let i = 0; i < spec.pairs; i++) {
    const instruction = `${spec.prefix} prompt ${i}`;
    const prompt = await db.prompt.create({ data: { instruction, textHash: promptTextHash(instruction, "") } });
    const [a, b] = await Promise.all(models.map((m) => db.output.create({ data: { promptId: prompt.id, modelId: m.id, text: `${m.name} answers ${i}` } })));
    await db.pair.create({ data: { studyId: study.id, promptId: prompt.id, outputAId: a!.id, outputBId: b!.id } });
  }
  return { studyId: study.id, emails };
}
