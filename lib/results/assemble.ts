// Assembles every figure of the results dashboard from the SQL aggregates (pure: no database),
// so the API and the page show exactly the same numbers.
import { agreementJson } from "./agreement";
import { lengthBiasJson, positionBiasJson } from "./biases";
import { categoryRows } from "./categories";
import { groupComparisons, summarizeComparison } from "./comparisons";
import type {
  CategoryCountRow, HourBucketRow, JudgeCrossRow, JudgeRunRow, PairOrderRow, PairPatternRow, RaterAgreementRow, RaterStatsRow, SideCounts,
} from "./inputs";
import { judgeResults } from "./judges";
import { orientationFrom } from "./orientation";
import { overTimeJson } from "./over-time";
import { rankingJson } from "./ranking";
import { raterRows, raterThresholds } from "./raters";
import type { StudyResults } from "./types";

export type ResultsInput = {
  study: StudyResults["study"];
  excludedRaters: StudyResults["excludedRaters"];
  pairOrders: readonly PairOrderRow[];
  patterns: readonly PairPatternRow[];
  categories: readonly CategoryCountRow[];
  sides: SideCounts;
  promptsVoted: number;
  raters: readonly RaterStatsRow[];
  raterAgreement: readonly RaterAgreementRow[];
  hours: readonly HourBucketRow[];
  judgeRuns: readonly JudgeRunRow[];
  judgeRows: readonly JudgeCrossRow[];
  now?: Date;
};

export function assembleResults(input: ResultsInput): StudyResults {
  const orient = orientationFrom(input.pairOrders);
  const seed = input.study.id;
  const grouped = groupComparisons(input.patterns, orient);
  const comparisons = grouped.map((c) => summarizeComparison(c, `${seed}:${c.key}`));
  const thresholds = raterThresholds(input.study.minSecondsPerPair);
  return {
    study: input.study,
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
    ranking: rankingJson(grouped, seed),
    overTime: overTimeJson(input.hours),
    judges: judgeResults(input.judgeRuns, input.judgeRows, orient),
  };
}
