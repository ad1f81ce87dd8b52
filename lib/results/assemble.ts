// Assembles every figure of the results dashboard from the SQL aggregates (pure: no database),
// so the API and the page show exactly the same numbers.
import { agreementJson } from "./agreement";
import { lengthBiasJson, positionBiasJson } from "./biases";
import { categoryRows } from "./categories";
import { comparisonsJson, groupComparisons } from "./comparisons";
import { criteriaJson, type CriteriaInput } from "./criteria";
import type { PrimaryContext } from "./choice-figures";
import type {
  CategoryCountRow, ExcludedTallyRow, HourBucketRow, IssueRatingRow, JudgeCrossRow, JudgeRunRow, LengthPatternRow, PairOrderRow, PairPatternRow,
  PanelCountRow, PanelRunRow, PromptMarksRow, PromptPatternRow, RaterStatsRow, SideCounts, TurnAggregates,
} from "./inputs";
import { issueRates } from "./issue-rates";
import { judgeResults } from "./judges";
import { panelResults } from "./panels";
import { leaderFirst, modelOrder, orientationFrom } from "./orientation";
import { overTimeJson } from "./over-time";
import { rankingJson } from "./ranking";
import { raterRows, raterThresholds } from "./raters";
import { sequentialFigures, type StopSettings } from "./sequential";
import { turnFigures } from "./turns";
import type { IssueDef, StudyResults } from "./types";

export type ResultsInput = {
  study: StudyResults["study"];
  excludedRaters: StudyResults["excludedRaters"];
  pairOrders: readonly PairOrderRow[];
  patterns: readonly PairPatternRow[];
  /** Per prompt its votes on every model pair, for the ranking's bootstrap; empty with fewer than 3 models. */
  promptPatterns: readonly PromptPatternRow[];
  /** The patterns per length difference (for the length-controlled win rate); none: each comparison says it has too few prompts. */
  lengths?: readonly LengthPatternRow[];
  categories: readonly CategoryCountRow[];
  /** The issues the study asks raters to mark on answers, and the ratings per answer (none: none asked). */
  issues?: { defs: readonly IssueDef[]; rows: readonly IssueRatingRow[] };
  sides: SideCounts;
  promptsVoted: number;
  /** The excluded pairs' votes per model pair (for each headline "with the excluded prompts"); none: no such headline. */
  excludedTallies?: readonly ExcludedTallyRow[];
  raters: readonly RaterStatsRow[];
  hours: readonly HourBucketRow[];
  judgeRuns: readonly JudgeRunRow[];
  judgeRows: readonly JudgeCrossRow[];
  /** The study's criteria (the primary's figures are the ones above); none: it asks one overall choice. */
  criteria?: CriteriaInput;
  /**
   * Per judged turn (issue 21), the turns to show in order; none: the study judges whole conversations or
   * single answers. The rows above are then every turn's together.
   */
  turns?: readonly TurnAggregates[];
  /** External panels attached to the study and their counts beside ours; none: no panels figure. */
  panels?: { runs: readonly PanelRunRow[]; rows: readonly PanelCountRow[] };
  /** The study's adaptive votes and stopping rule, and per model pair its prompts' marks in their fixed order; none: no anytime intervals. */
  sequential?: { settings: StopSettings; marks: readonly PromptMarksRow[] };
  now?: Date;
};

/** The page's model order, then any model rated only on pairs no figure above counts (e.g. ties only), by name. */
function issueModels(pageOrder: readonly string[], rows: readonly IssueRatingRow[]) {
  const rest = [...new Set(rows.map((r) => r.modelId))].filter((m) => !pageOrder.includes(m)).sort();
  return [...pageOrder, ...rest].map((m) => ({ id: m, name: m }));
}

export function assembleResults(input: ResultsInput): StudyResults {
  // Each comparison reads leader first (in every figure: tallies, win rates, categories, judges).
  const orient = leaderFirst(orientationFrom(input.pairOrders), input.patterns);
  const seed = input.study.id;
  const grouped = groupComparisons(input.patterns, orient);
  const inclusionWeighted = input.sequential?.settings.sampling ?? false;
  const ranking = rankingJson(grouped, input.promptPatterns, { seed, inclusionWeighted });
  const models = modelOrder(input.study.models, grouped, ranking?.models.map((m) => m.model));
  const rank = (m: string) => models.indexOf(m);
  grouped.sort((x, y) => rank(x.modelA) - rank(y.modelA) || rank(x.modelB) - rank(y.modelB));
  const fixed = comparisonsJson(grouped, input, orient, seed);
  const sequential = input.sequential && sequentialFigures(input.sequential.settings, input.sequential.marks, fixed);
  const comparisons = sequential?.comparisons ?? fixed;
  const thresholds = raterThresholds(input.study.minSecondsPerPair);
  const ctx: PrimaryContext = { orient, models, comparisons, seed, inclusionWeighted };
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
    raters: raterRows(input.raters, thresholds),
    raterThresholds: thresholds,
    categories: categoryRows(input.categories, orient),
    ranking,
    overTime: overTimeJson(input.hours),
    judges: judgeResults(input.judgeRuns, input.judgeRows, orient),
    issues: input.issues?.defs.length ? issueRates({ rows: input.issues.rows, issues: input.issues.defs, models: issueModels(models, input.issues.rows), seed }) : [],
    ...(input.criteria && { criteria: criteriaJson(input.criteria, ctx) }),
    ...(input.turns && { turns: input.turns.map((t) => turnFigures(t, ctx)) }),
    ...(input.panels?.runs.length && { panels: panelResults(input.panels.runs, input.panels.rows) }),
    ...(sequential && { sequential: sequential.sequential }),
  };
}
