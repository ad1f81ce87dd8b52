// Which pairs a new study gets: pure and seeded, so the same settings always give the same study.
import { mulberry32, type Rng } from "@/lib/stats/rng";

export type PromptOutputs = { promptId: string; outputs: Map<string, string> };
/** `turn`: 0 for the whole conversation (a single answer), else the assistant turn the pair judges. */
export type PlannedPair = { promptId: string; outputAId: string; outputBId: string; turn: number };
export type PlanOptions = { modelIds: string[]; allModelPairs: boolean; sampleSize?: number; seed: number };

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every unordered pair of models, in the order the models were chosen (A = the earlier one). */
export function modelPairs(modelIds: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < modelIds.length; i++) for (let j = i + 1; j < modelIds.length; j++) pairs.push([modelIds[i]!, modelIds[j]!]);
  return pairs;
}

/**
 * Prompts must be those every chosen model answered (sorted by id, so input order cannot matter).
 * With a sample size, N prompts are drawn with the seed. With 3+ models and allModelPairs off,
 * each prompt gets one model pair, dealt round-robin over a seeded order so every model meets every other equally often.
 */
export function planPairs(prompts: readonly PromptOutputs[], options: PlanOptions): PlannedPair[] {
  const rng = mulberry32(options.seed);
  const sorted = [...prompts].sort((a, b) => (a.promptId < b.promptId ? -1 : a.promptId > b.promptId ? 1 : 0));
  const chosen = options.sampleSize && options.sampleSize < sorted.length
    ? shuffled(sorted, rng).slice(0, options.sampleSize)
    : sorted;
  const combos = modelPairs(options.modelIds);
  const pairFor = (p: PromptOutputs, [a, b]: [string, string]): PlannedPair => ({
    promptId: p.promptId, outputAId: p.outputs.get(a)!, outputBId: p.outputs.get(b)!, turn: 0,
  });
  if (options.allModelPairs || combos.length === 1) return chosen.flatMap((p) => combos.map((c) => pairFor(p, c)));
  return shuffled(chosen, rng).map((p, i) => pairFor(p, combos[i % combos.length]!));
}
