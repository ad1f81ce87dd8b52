// A new study's pairs and the counts the new-study form shows, from the prompts all chosen models
// answered: pure, so the form's preview and the created study cannot disagree.
import { modelPairs, planPairs, type PlannedPair } from "./pair-plan";

/**
 * One model's answer: its id and its text after whitespace normalisation (or a hash of it; "" when empty).
 * In a conversation, `key` stands for all its assistant turns and `turnKeys` for each turn (absent or
 * empty for a single answer, which is a one-turn conversation).
 */
export type PlanAnswer = { id: string; key: string; turnKeys?: string[] };
/** A prompt every chosen model answered; `leaky` when one of those answers is flagged and not cleared. */
export type PlanPrompt = { promptId: string; answers: Map<string, PlanAnswer>; leaky: boolean };

export type StudyPlanOptions = {
  modelIds: string[];
  allModelPairs: boolean;
  sampleSize?: number;
  seed: number;
  excludeLeaks: boolean;
  keepDegeneratePairs: boolean;
  /** Conversations: the assistant turns judged one by one (one pair each); empty or absent: the whole conversation. */
  judgedTurns?: number[];
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

/** The turns a prompt's pairs judge: 0 (the whole conversation), or each judged turn it has (a single answer has one). */
export function turnsToJudge(prompt: PlanPrompt, judgedTurns: readonly number[] = []): number[] {
  if (!judgedTurns.length) return [0];
  const first = prompt.answers.values().next().value;
  const turnCount = Math.max(1, first?.turnKeys?.length ?? 0);
  return [...new Set(judgedTurns)].filter((t) => t >= 1 && t <= turnCount).sort((a, b) => a - b);
}

/** What raters compare in a pair judging `turn`: the whole answer (0, or a single answer's only turn) or that turn. */
function judgedKey(answer: PlanAnswer, turn: number): PlanAnswer {
  if (turn === 0 || !answer.turnKeys?.length) return answer;
  return { id: answer.id, key: answer.turnKeys[turn - 1] ?? "" };
}

export function planStudy(prompts: readonly PlanPrompt[], options: StudyPlanOptions): StudyPlan {
  const combos = modelPairs(options.modelIds).length;
  const perPrompt = options.allModelPairs || combos === 1 ? combos : 1;
  const leaky = prompts.filter((p) => p.leaky);
  const pool = options.excludeLeaks ? prompts.filter((p) => !p.leaky) : prompts;
  const answers = new Map<string, PlanAnswer>();
  const turns = new Map<string, number[]>();
  for (const p of pool) {
    for (const a of p.answers.values()) answers.set(a.id, a);
    turns.set(p.promptId, turnsToJudge(p, options.judgedTurns));
  }
  const all = planPairs(
    pool.map((p) => ({ promptId: p.promptId, outputs: new Map([...p.answers].map(([m, a]) => [m, a.id])) })),
    { modelIds: options.modelIds, allModelPairs: options.allModelPairs, sampleSize: options.sampleSize, seed: options.seed },
  ).flatMap((pair) => turns.get(pair.promptId)!.map((turn) => ({ ...pair, turn })));
  let identicalPairs = 0;
  let emptyPairs = 0;
  const planned = all.filter((pair) => {
    const why = degenerate(judgedKey(answers.get(pair.outputAId)!, pair.turn), judgedKey(answers.get(pair.outputBId)!, pair.turn));
    if (why === "empty") emptyPairs++;
    if (why === "identical") identicalPairs++;
    return why === null || options.keepDegeneratePairs;
  });
  const leakPairs = leaky.reduce((sum, p) => sum + perPrompt * turnsToJudge(p, options.judgedTurns).length, 0);
  return {
    planned, sharedPrompts: prompts.length, leakPrompts: leaky.length, leakPairs,
    identicalPairs, emptyPairs, pairs: planned.length,
  };
}
