// Assembles every figure of the results dashboard from the SQL aggregates (pure: no database),
// so the API and the page show exactly the same numbers.
import { agreementJson } from "./agreement";
import { lengthBiasJson, positionBiasJson } from "./biases";
import { categoryRows } from "./categories";
import { groupComparisons, summarizeComparison } from "./comparisons";
import type { HourBucketRow, JudgeCrossRow, JudgeRunRow, PairCountRow, PairOrderRow, RaterAgreementRow, RaterStatsRow } from "./inputs";
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
  pairs: readonly PairCountRow[];
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
  const grouped = groupComparisons(input.pairs, orient);
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
      promptsVoted: new Set(input.pairs.map((p) => p.promptId)).size,
    },
    comparisons,
    agreement: agreementJson(input.pairs),
    positionBias: positionBiasJson(input.pairs),
    lengthBias: lengthBiasJson(input.pairs),
    raters: raterRows(input.raters, input.raterAgreement, thresholds),
    raterThresholds: thresholds,
    categories: categoryRows(input.pairs, orient),
    ranking: rankingJson(grouped, seed),
    overTime: overTimeJson(input.hours),
    judges: judgeResults(input.judgeRuns, input.judgeRows, orient),
  };
}
