// Assembles every figure of the results dashboard from the SQL aggregates (pure: no database),
// so the API and the page show exactly the same numbers.
import { agreementJson } from "./agreement";
import { lengthBiasJson, positionBiasJson } from "./biases";
import { categoryRows } from "./categories";
import { groupComparisons, groupExcluded, summarizeComparison } from "./comparisons";
import type {
  CategoryCountRow, ExcludedTallyRow, HourBucketRow, JudgeCrossRow, JudgeRunRow, LengthPatternRow, PairOrderRow, PairPatternRow, RaterAgreementRow, RaterStatsRow, SideCounts,
} from "./inputs";
import { judgeResults } from "./judges";
import { groupLengthPrompts } from "./length-control";
import { leaderFirst, modelOrder, orientationFrom } from "./orientation";
import { overTimeJson } from "./over-time";
import { rankingJson } from "./ranking";
import { raterRows, raterThresholds } from "./raters";
import type { StudyResults } from "./types";

export type ResultsInput = {
  study: StudyResults["study"];
  excludedRaters: StudyResults["excludedRaters"];
  pairOrders: readonly PairOrderRow[];
  patterns: readonly PairPatternRow[];
  /** The patterns per length difference (for the length-controlled win rate); none: each comparison says it has too few prompts. */
  lengths?: readonly LengthPatternRow[];
  categories: readonly CategoryCountRow[];
  sides: SideCounts;
  promptsVoted: number;
  /** The excluded pairs' votes per model pair (for each headline "with the excluded prompts"); none: no such headline. */
  excludedTallies?: readonly ExcludedTallyRow[];
  raters: readonly RaterStatsRow[];
  raterAgreement: readonly RaterAgreementRow[];
  hours: readonly HourBucketRow[];
  judgeRuns: readonly JudgeRunRow[];
  judgeRows: readonly JudgeCrossRow[];
  now?: Date;
};

export function assembleResults(input: ResultsInput): StudyResults {
  // Each comparison reads leader first (in every figure: tallies, win rates, categories, judges).
  const canonical = orientationFrom(input.pairOrders);
  const orient = leaderFirst(canonical, input.patterns);
  const seed = input.study.id;
  const grouped = groupComparisons(input.patterns, orient);
  // The ranking's bootstrap draws depend on the records' order: the canonical one, as before.
  const ranking = rankingJson(groupComparisons(input.patterns, canonical), seed);
  const models = modelOrder(input.study.models, grouped, ranking?.models.map((m) => m.model));
  const rank = (m: string) => models.indexOf(m);
  grouped.sort((x, y) => rank(x.modelA) - rank(y.modelA) || rank(x.modelB) - rank(y.modelB));
  const excluded = groupExcluded(input.excludedTallies ?? [], orient);
  const lengths = groupLengthPrompts(input.lengths ?? [], orient);
  const comparisons = grouped.map((c) => summarizeComparison(c, `${seed}:${c.key}`, excluded.get(c.key), lengths.get(c.key)));
  const thresholds = raterThresholds(input.study.minSecondsPerPair);
  return {
    study: { ...input.study, models },
    generatedAt: (input.now ?? new Date()).toISOString(),
    excludedRaters: input.excludedRaters,
    totals: {
      votes: input.raters.reduce((sum, r) => sum + r.votes, 0),
      raters: input.raters.length,
      comparedVotes: comparisons.reduce((sum, c) => sum + c.tally.total, 0),
      promptsVoted: input.promptsVoted,
    },
    comparisons,
    agreement: agreementJson(input.patterns),
    positionBias: positionBiasJson(input.sides),
    lengthBias: lengthBiasJson(input.sides),
    raters: raterRows(input.raters, input.raterAgreement, thresholds),
    raterThresholds: thresholds,
    categories: categoryRows(input.categories, orient),
    ranking,
    overTime: overTimeJson(input.hours),
    judges: judgeResults(input.judgeRuns, input.judgeRows, orient),
  };
}
