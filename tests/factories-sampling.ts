// Studies that sample model pairs (issue 22), made through the study form's own schema and createStudy.
import { createStudy } from "@/lib/data/study-admin";
import { db } from "@/lib/db";
import { createStudySchema } from "@/lib/validation/study";
import { makeUser, unique } from "./factories";
import { makeModels, makeOutput, makePrompt } from "./factories-results";

/** `models` fresh models answering `prompts` fresh prompts, each answer its own text. */
export async function makeOutputs(models: number, prompts: number) {
  const made = await makeModels(...Array.from({ length: models }, (_, i) => `sampled-model-${i}`));
  for (let p = 0; p < prompts; p++) {
    const prompt = await makePrompt();
    for (const [i, m] of made.entries()) await makeOutput(prompt.id, m.id, `answer ${i} to prompt ${p} ${unique("t")}`);
  }
  return made;
}

/** An open study of fresh models and prompts sampling `pairsPerPrompt` model pairs per prompt, with adaptive votes; no prompt opened yet. */
export async function makeSamplingStudy(options: {
  models: number; prompts: number; pairsPerPrompt: number; votesPerPair: number; stopLevel?: number; rule?: "ARENA" | "VARIANCE";
}) {
  const admin = await makeUser("ADMIN");
  const models = await makeOutputs(options.models, options.prompts);
  const input = createStudySchema.parse({
    name: unique("sampling"), modelIds: models.map((m) => m.id), votesPerPair: String(options.votesPerPair),
    adaptiveVotes: "on", pairsPerPrompt: String(options.pairsPerPrompt),
    ...(options.stopLevel !== undefined && { stopLevel: String(options.stopLevel) }),
    ...(options.rule !== undefined && { pairSamplingRule: options.rule }),
  });
  const created = await createStudy(input, admin.id);
  if (!created.ok) throw new Error(created.message);
  await db.study.update({ where: { id: created.studyId }, data: { status: "OPEN", openedAt: new Date() } });
  return { studyId: created.studyId, models };
}
