// A new study's pairs and the counts the new-study form shows, from the prompts all chosen models
// answered: pure, so the form's preview and the created study cannot disagree.
import { modelPairs, planPairs, type PlannedPair } from "./pair-plan";

/** One model's answer: its id and its text after whitespace normalisation (or a hash of it; "" when empty). */
export type PlanAnswer = { id: string; key: string };
/** A prompt every chosen model answered; `leaky` when one of those answers is flagged and not cleared. */
export type PlanPrompt = { promptId: string; answers: Map<string, PlanAnswer>; leaky: boolean };

export type StudyPlanOptions = {
  modelIds: string[];
  allModelPairs: boolean;
  sampleSize?: number;
  seed: number;
  excludeLeaks: boolean;
  keepDegeneratePairs: boolean;
};

export type StudyPlanCounts = {
  sharedPrompts: number;
  /** Prompts with a flagged answer, and the pairs they would give. */
  leakPrompts: number;
  leakPairs: number;
  /** Planned pairs (after leak exclusion and sampling) whose answers are identical, or one is empty. */
  identicalPairs: number;
  emptyPairs: number;
  /** What the study gets. */
  pairs: number;
};

export type StudyPlan = StudyPlanCounts & { planned: PlannedPair[] };

/** Whitespace runs become one space, ends trimmed: answers differing only in layout are the same answer. */
export function answerKey(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Why a pair cannot be judged meaningfully: an empty answer, or both the same. */
export function degenerate(a: PlanAnswer, b: PlanAnswer): "empty" | "identical" | null {
  if (a.key === "" || b.key === "") return "empty";
  return a.key === b.key ? "identical" : null;
}

export function planStudy(prompts: readonly PlanPrompt[], options: StudyPlanOptions): StudyPlan {
  const combos = modelPairs(options.modelIds).length;
  const perPrompt = options.allModelPairs || combos === 1 ? combos : 1;
  const leakPrompts = prompts.filter((p) => p.leaky).length;
  const pool = options.excludeLeaks ? prompts.filter((p) => !p.leaky) : prompts;
  const answers = new Map<string, PlanAnswer>();
  for (const p of pool) for (const a of p.answers.values()) answers.set(a.id, a);
  const all = planPairs(
    pool.map((p) => ({ promptId: p.promptId, outputs: new Map([...p.answers].map(([m, a]) => [m, a.id])) })),
    { modelIds: options.modelIds, allModelPairs: options.allModelPairs, sampleSize: options.sampleSize, seed: options.seed },
  );
  let identicalPairs = 0;
  let emptyPairs = 0;
  const planned = all.filter((pair) => {
    const why = degenerate(answers.get(pair.outputAId)!, answers.get(pair.outputBId)!);
    if (why === "empty") emptyPairs++;
    if (why === "identical") identicalPairs++;
    return why === null || options.keepDegeneratePairs;
  });
  return {
    planned, sharedPrompts: prompts.length, leakPrompts, leakPairs: leakPrompts * perPrompt,
    identicalPairs, emptyPairs, pairs: planned.length,
  };
}
