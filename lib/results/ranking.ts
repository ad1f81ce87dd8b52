// Bradley-Terry ranking with seeded bootstrap intervals (prompts resampled) and the head-to-head matrix, for 3+ models.
import { bradleyTerryBootstrap, type PromptVotes } from "@/lib/stats/bradley-terry-bootstrap";
import { headToHeadMatrix } from "@/lib/stats/head-to-head";
import type { PairRecord } from "@/lib/stats/pair-matrix";
import type { ComparisonCounts } from "./comparisons";
import type { PromptPatternRow } from "./inputs";
import type { RankingJson } from "./types";

/**
 * Ties and "both bad" count as half a win each way. When the plain fit does not exist (some model
 * never won or never lost), one virtual tie per model pair is added and reported as pseudoTies.
 * The fit and its intervals come from `prompts`, the same votes as `comparisons` grouped by prompt (each
 * weighted by its pair's inverse inclusion probability when `inclusionWeighted`: a study sampling model
 * pairs): the bootstrap resamples whole prompts. The head-to-head table reads the comparisons' tallies.
 */
export function rankingJson(
  comparisons: readonly ComparisonCounts[], prompts: readonly PromptPatternRow[],
  { seed, inclusionWeighted, resamples = 1000 }: { seed: string; inclusionWeighted: boolean; resamples?: number },
): RankingJson | null {
  const records: PairRecord[] = comparisons.map((c) => ({ a: c.modelA, b: c.modelB, ...c.tally }));
  const models = new Set(records.flatMap((r) => [r.a, r.b]));
  if (models.size < 3) return null;
  const votes: PromptVotes[] = prompts.map((p) => ({ pairs: p.votes, count: p.prompts }));
  let pseudoTies = 0;
  let boot = bradleyTerryBootstrap(votes, { seed, resamples });
  if (boot.fit === null) {
    pseudoTies = 1;
    boot = bradleyTerryBootstrap(votes, { seed, resamples, pseudoTies });
  }
  const fit = boot.fit;
  if (fit === null) return null;
  const intervals = new Map(boot.intervals.map((i) => [i.model, i] as const));
  const ranked = fit.models
    .map((model, i) => ({ model, score: fit.scores[i] as number }))
    .sort((x, y) => y.score - x.score)
    .map((m, i) => ({ rank: i + 1, ...m, low: intervals.get(m.model)?.low ?? null, high: intervals.get(m.model)?.high ?? null }));
  return {
    models: ranked, converged: fit.converged, pseudoTies, resamples: boot.resamples, failed: boot.failed,
    headToHead: headToHeadMatrix(records),
    ...(inclusionWeighted && { inclusionWeighted: true as const }),
  };
}
