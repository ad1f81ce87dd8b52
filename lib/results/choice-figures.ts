// The figures one set of choices gives (headline, win rates, sign test, length control, agreement, biases,
// categories, Bradley–Terry), read in the study's orientation: a criterion's choices (criteria.ts) and one
// judged turn's votes (turns.ts) are made by the same functions as the study's own figures. Pure.
import { agreementJson } from "./agreement";
import { lengthBiasJson, positionBiasJson } from "./biases";
import { categoryRows } from "./categories";
import { comparisonsJson, groupComparisons } from "./comparisons";
import type { CategoryCountRow, ExcludedTallyRow, LengthPatternRow, PairPatternRow, PromptPatternRow, SideCounts } from "./inputs";
import type { Orient } from "./orientation";
import { rankingJson } from "./ranking";
import type { ChoiceFiguresJson, ComparisonJson } from "./types";

/** The aggregates of one set of choices, as lib/data/results/pair-counts.ts gives them. */
export type ChoiceAggregates = {
  patterns: readonly PairPatternRow[];
  promptPatterns: readonly PromptPatternRow[];
  lengths?: readonly LengthPatternRow[];
  categories: readonly CategoryCountRow[];
  sides: SideCounts;
  excludedTallies?: readonly ExcludedTallyRow[];
};

/** What the study's own figures settled, so every other set of choices reads like them. */
export type PrimaryContext = {
  /** The study's orientation: its leader is model A. */
  orient: Orient;
  /** The page's model order. */
  models: readonly string[];
  comparisons: readonly ComparisonJson[];
  seed: string;
  /** The study samples model pairs: every ranking weighs votes by their pair's inverse inclusion probability. */
  inclusionWeighted: boolean;
};

/** `seed`: this set's own (the study's id and the set's key), so each set's bootstraps draw their own resamples. */
export function choiceFigures(a: ChoiceAggregates, ctx: PrimaryContext, seed: string): ChoiceFiguresJson {
  const rank = (m: string) => ctx.models.indexOf(m);
  const grouped = groupComparisons(a.patterns, ctx.orient)
    .sort((x, y) => rank(x.modelA) - rank(y.modelA) || rank(x.modelB) - rank(y.modelB));
  return {
    comparisons: comparisonsJson(grouped, a, ctx.orient, seed),
    agreement: agreementJson(a.patterns),
    positionBias: positionBiasJson(a.sides),
    lengthBias: lengthBiasJson(a.sides),
    categories: categoryRows(a.categories, ctx.orient),
    ranking: rankingJson(grouped, a.promptPatterns, { seed, inclusionWeighted: ctx.inclusionWeighted }),
  };
}
