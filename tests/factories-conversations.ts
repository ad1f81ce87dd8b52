// A conversation study judged turn by turn (issue 21), written straight through the db client: prompts
// with user turns (and a system prompt), each model's assistant turns, one pair per prompt and judged
// turn, and votes with a known side and outcome (castVote).
import { db } from "@/lib/db";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import { unique } from "./factories";
import { castVote, makeStudy, type Outcome } from "./factories-results";

export type ConversationSpec = {
  category: string | null;
  system?: string;
  userTurns: string[];
  /** Assistant turns per model, in the order of the study's models; output A of every pair is the first model's. */
  answers: string[][];
};

export type TurnVote = { prompt: number; turn: number; rater: number; outcome: Outcome; leftIsA: boolean };

/** Creates the study (models in order, judgedTurns), its prompts, outputs and pairs for every model pair and turn. */
export async function makeConversationStudy(models: { id: string; name: string }[], judgedTurns: number[], specs: ConversationSpec[]) {
  const study = await makeStudy(models);
  await db.study.update({ where: { id: study.id }, data: { judgedTurns } });
  const pairs = new Map<string, { id: string; outputAId: string; outputBId: string }>();
  const prompts: { id: string }[] = [];
  for (const [p, spec] of specs.entries()) {
    const first = unique(spec.userTurns[0]!);
    const userTurns = [first, ...spec.userTurns.slice(1)];
    const prompt = await db.prompt.create({
      data: { instruction: first, textHash: promptTextHash(first, userTurns.slice(1).join("\n")), userTurns, system: spec.system ?? null, category: spec.category },
      select: { id: true },
    });
    prompts.push(prompt);
    const outputs = await Promise.all(models.map((m, i) => db.output.create({
      data: { promptId: prompt.id, modelId: m.id, turns: spec.answers[i]!, text: spec.answers[i]!.at(-1)! }, select: { id: true },
    })));
    for (let a = 0; a < models.length; a++) {
      for (let b = a + 1; b < models.length; b++) {
        for (const turn of judgedTurns) {
          const pair = await db.pair.create({
            data: { studyId: study.id, promptId: prompt.id, outputAId: outputs[a]!.id, outputBId: outputs[b]!.id, turn },
            select: { id: true, outputAId: true, outputBId: true },
          });
          pairs.set(`${p}:${a}:${b}:${turn}`, pair);
        }
      }
    }
  }
  return { study, prompts, pair: (prompt: number, turn: number, a = 0, b = 1) => pairs.get(`${prompt}:${a}:${b}:${turn}`)! };
}

/** Casts each vote on the pair of its prompt and turn (model pair a, b: the first two models by default). */
export async function castTurnVotes(
  studyId: string, pair: (prompt: number, turn: number, a?: number, b?: number) => { id: string; outputAId: string; outputBId: string },
  raterIds: string[], votes: (TurnVote & { a?: number; b?: number })[],
) {
  for (const v of votes) {
    await castVote(studyId, { pair: pair(v.prompt, v.turn, v.a, v.b), raterId: raterIds[v.rater]!, outcome: v.outcome, leftIsA: v.leftIsA });
  }
}
