// The JSON shape of a study's results: what GET /api/studies/:id/results returns and the page renders.
// Model A of a comparison is its leader (more decisive wins); in a dead heat, the order most of its
// pairs use (the study's canonical order). See orientation.ts.
import type { HeadToHead } from "@/lib/stats/head-to-head";
import type { Interval } from "@/lib/stats/tally";
import type { StudyStatus } from "@/lib/generated/prisma/enums";
import type { MarkdownTree } from "@/lib/markdown/tree";

export type TallyJson = { winsA: number; winsB: number; ties: number; bothBad: number; total: number };

export type SignificanceJson = { pValue: number; significant: boolean; verdict: string };

export type WinRateJson = {
  /** Model A's (the leader's, so 50% or more) win rate with ties and "both bad" as half; null without votes. */
  estimate: number | null;
  /** 95% Wilson interval on votes. */
  wilson: Interval | null;
  /** 95% percentile bootstrap, resampling prompts (seeded from the study id). */
  bootstrap: { interval: Interval | null; resamples: number };
  /** Exact two-sided sign test, winsA vs winsB (ties and both bad excluded). */
  signTest: SignificanceJson & { n: number };
  /** One plain-language sentence. */
  summary: string;
};

export type LengthControlJson = {
  /** Model A's win rate at equal answer length (ties and both bad as half); null when not computed (the summary says why). */
  estimate: number | null;
  /** 95% percentile bootstrap, resampling prompts (seeded from the study id). */
  interval: Interval | null;
  /** Model A's raw win rate over the same votes. */
  raw: number | null;
  /** The length term's coefficient on tanh(length difference / its sd): positive when longer answers win. */
  phi: number | null;
  /** Share of the raw rate's distance from 50% that length accounts for, (raw − controlled) / (raw − 50%); null when not computed or raw is 50%. */
  explained: number | null;
  /** Of the prompts whose answers differ in length, the share where model A's is the longer; null when not computed. */
  longerShareA: number | null;
  prompts: number;
  resamples: number;
  summary: string;
  /** What was fitted (the minimal two-term form of AlpacaEval 2's length control). */
  method: string;
};

export type VotesNeededJson = {
  /** Extra votes at the current split until the Wilson interval excludes 50%; 0 = already; null = never (even split or no votes). */
  more: number | null;
  decided: boolean;
  text: string;
};

export type ComparisonJson = {
  modelA: string;
  modelB: string;
  tally: TallyJson;
  headline: string;
  /**
   * The headline with the votes of the comparison's excluded prompts added (exclusion is not random, so
   * readers see both): the same model order, the sentence naming its own leader. Null: no excluded prompt has votes.
   */
  withExcluded: { prompts: number; tally: TallyJson; headline: string } | null;
  winRate: WinRateJson;
  /** Absent in figures frozen before it existed. */
  lengthControlled?: LengthControlJson;
  votesNeeded: VotesNeededJson;
  /** Prompt-level tally: majority outcome per prompt (ties + both bad as one bloc). */
  prompts: { voted: number; winsA: number; winsB: number; ties: number; headline: string };
  /** The anytime-valid interval of model A's win rate over prompts (the study's own figures only; absent in older frozen figures). */
  anytime?: AnytimeJson;
};

/**
 * A model pair's confidence sequence (lib/stats/anytime-win-rate.ts): its prompts' majority scores (A 1, tie
 * bloc 1/2, B 0) in the order fixed before any vote (Pair.shuffle; Pair.sampleRank when the study samples
 * model pairs, the prompts the pair was drawn on), over the longest
 * prefix of closed pairs. Valid at every moment at once, so at any stop, adaptive or not.
 */
export type AnytimeJson = {
  /** This comparison's miscoverage: the study's level over its model pairs (Bonferroni). */
  alpha: number;
  /** Model A's win rate over the prefix's prompts (ties as half); null before the first. */
  estimate: number | null;
  /** [0, 1] before the first prompt. */
  interval: Interval;
  /** Prompts in the closed prefix; prompts after it (open, or closed behind an open one). */
  prompts: number;
  waiting: number;
  /** Whether the interval excludes 50%. */
  decided: boolean;
  /** Sampling studies only: of the prefix's prompts, those the draw put the pair to raters on, and those it left out. */
  drawn?: number;
  notDrawn?: number;
  text: string;
};

/** Why a study stopped serving pairs early (lib/data/stopping.ts). */
export type StopJson = { at: string; reason: "DECIDED" | "BUDGET"; text: string };

/** The study's adaptive votes, its stopping rule and what holds of the fixed-sample figures (issue 22). */
export type SequentialJson = {
  adaptiveVotes: boolean;
  /** The stopping rule's level (null: no stop when decided) and vote budget (null: none). */
  stopLevel: number | null;
  voteBudget: number | null;
  /** The anytime intervals' study-wide miscoverage: stopLevel, else 0.05. */
  level: number;
  /** Model pairs with counted pairs, and each one's level, level / modelPairs (Bonferroni). */
  modelPairs: number;
  perPairLevel: number;
  /** Comparisons whose anytime interval excludes 50%. */
  decided: number;
  stop: StopJson | null;
  /** One sentence: stopped and why, or the intervals' state while running. */
  state: string;
  /** False with adaptive votes or after an early stop: the fixed-sample intervals and tests are not valid then. */
  fixedSampleValid: boolean;
  /** Said beside the fixed-sample figures when they are not valid; null when they are. */
  fixedSampleNote: string | null;
  /** Said beside the vote-level figures when votes weigh prompts unequally (adaptive votes); null otherwise. */
  voteLevelNote: string | null;
  /** A study that samples model pairs: how its intervals weigh prompts (null otherwise). */
  samplingNote: string | null;
};

export type ShareJson = SignificanceJson & {
  hits: number;
  misses: number;
  share: number | null;
  interval: Interval | null;
  summary: string;
};

export type AgreementJson = {
  /** Fleiss' kappa over pairs with 2+ votes; categories A wins, B wins, tie, both bad. */
  fleissKappa: number | null;
  observed: number | null;
  expected: number | null;
  /** Pairs (prompt x model pair) with 2+ votes. */
  items: number;
  /** Share of agreeing rater pairs on the same item. */
  pairwise: number | null;
  summary: string;
};

export type RaterFlag = "always-left" | "always-right" | "too-fast" | "low-gold" | "chance-agreement";

export type RaterJson = {
  pseudonym: string;
  votes: number;
  left: number;
  right: number;
  ties: number;
  bothBad: number;
  /** LEFT / (LEFT + RIGHT); null without decisive votes. */
  leftShare: number | null;
  medianSeconds: number | null;
  /** Agreement with the plurality of the other raters on the same pairs. */
  agreement: { agreed: number; compared: number; rate: number | null };
  tooFastVotes: number;
  flaggedAssignments: number;
  /** Votes the rater undid within the undo window; counted in no other figure. */
  undone: number;
  /**
   * Agreement without gold: on pairs where 2+ other raters voted and were unanimous (n), how often the
   * rater matched them, against what their own choice shares give by chance (one-sided exact test;
   * adjustedP Holm-corrected across the raters tested, null with too few reference votes to test).
   */
  reliability: { n: number; agreed: number; expected: number; pValue: number; adjustedP: number | null };
  gold: { correct: number; total: number; accuracy: number | null } | null;
  suspicious: RaterFlag[];
};

export type RaterThresholds = {
  sideShare: number;
  minDecisive: number;
  minMedianSeconds: number;
  minGoldVotes: number;
  minGoldAccuracy: number;
  /** Chance agreement: flagged when adjusted p >= reliabilityAlpha with minReference+ reference votes. */
  reliabilityAlpha: number;
  minReference: number;
};

export type CategoryJson = {
  field: "category" | "dataset";
  value: string;
  modelA: string;
  modelB: string;
  tally: TallyJson;
  winRate: number | null;
  wilson: Interval | null;
  prompts: number;
};

export type RankingJson = {
  models: { rank: number; model: string; score: number; low: number | null; high: number | null }[];
  converged: boolean;
  /** Virtual ties added between every pair because the plain fit did not exist (a model never won or never lost). */
  pseudoTies: number;
  resamples: number;
  failed: number;
  headToHead: HeadToHead;
  /**
   * The study samples model pairs: the fit weighs each vote by the inverse of its pair's inclusion
   * probability (lib/data/results/prompt-patterns.ts), the head-to-head counts stay plain votes. Absent
   * otherwise, so other studies' figures read (and compare with frozen ones) as before.
   */
  inclusionWeighted?: true;
};

export type OverTimeJson = { bucket: "hour" | "day"; points: { start: string; votes: number }[] };

export type JudgeAgreementJson = { compared: number; agreed: number; rate: number | null; kappa: number | null };

export type JudgeJson = {
  id: string;
  name: string;
  fileName: string;
  createdAt: string;
  labels: number;
  comparisons: {
    modelA: string;
    modelB: string;
    winsA: number;
    winsB: number;
    draws: number;
    headline: string;
    agreement: JudgeAgreementJson;
  }[];
  agreement: JudgeAgreementJson;
};

/** MT-Bench's agreement (lib/stats/panel-agreement.ts): agreeing judgment pairs of all compared, with and without ties. */
export type AgreementCountJson = { agreed: number; compared: number; rate: number | null };
export type TieAgreementJson = { withTie: AgreementCountJson; withoutTie: AgreementCountJson };

export type PanelTurnJson = {
  /** The turn judged (1-based), 0 for the whole conversation; null for every turn together. */
  turn: number | null;
  /** Pairs with the panel's votes (excluded and gold pairs left out), and the votes on them. */
  pairs: number;
  panelVotes: number;
  ourVotes: number;
  /** Our raters against the panel, the panel against itself and our raters against each other, on the same pairs. */
  oursVsPanel: TieAgreementJson;
  panelVsPanel: TieAgreementJson;
  oursVsOurs: TieAgreementJson;
};

/** An external panel (imported human judgments: MT-Bench's experts, Chatbot Arena's users) beside the study's raters. */
export type PanelJson = {
  id: string;
  name: string;
  fileName: string;
  format: string;
  createdAt: string;
  /** Rows in the file; votes stored (matched); distinct judges among them. */
  rows: number;
  votes: number;
  judges: number;
  /** Rows that matched no pair, by reason; a judge's later votes on a pair already voted. */
  unmatched: { prompt: number; models: number; turn: number };
  repeated: number;
  /** One entry per turn with the panel's votes, in turn order. */
  turns: PanelTurnJson[];
  overall: PanelTurnJson;
};

export type StudyResults = {
  study: {
    id: string;
    name: string;
    status: StudyStatus;
    isDemo: boolean;
    /** The page's one model order: by ranking (3+ models), else leaders first, then models without votes. */
    models: string[];
    pairs: number;
    goldPairs: number;
    excludedPairs: number;
    /** Pairs the study's creation left out (null: kept on request); they were never voted on. */
    leftOutAtCreation: { selfReference: number | null; identicalOrEmpty: number | null };
    votesPerPair: number;
    minSecondsPerPair: number;
  };
  generatedAt: string;
  excludedRaters: { pseudonyms: string[]; unknown: string[] };
  totals: { votes: number; raters: number; comparedVotes: number; promptsVoted: number };
  comparisons: ComparisonJson[];
  agreement: AgreementJson;
  positionBias: ShareJson;
  lengthBias: ShareJson;
  raters: RaterJson[];
  raterThresholds: RaterThresholds;
  categories: CategoryJson[];
  ranking: RankingJson | null;
  overTime: OverTimeJson;
  judges: JudgeJson[];
  /** Per issue raters could mark on answers, in the study's order; empty when the study asks for none. */
  issues: IssueRatesJson[];
  /**
   * The study's criteria (issue 20); absent when it asks one overall choice, so the figures of such a study
   * read (and compare with frozen ones) as before. Every figure above is the primary criterion's.
   */
  criteria?: CriteriaJson;
  /**
   * Per judged turn, in turn order (issue 21); absent when the study judges whole conversations or single
   * answers, so such a study's figures read as before. When present, every figure above is over all turns'
   * pairs together: a vote on turn 1 and one on turn 2 of the same prompt are separate judgments.
   */
  turns?: TurnFiguresJson[];
  /** External panels attached to the study (issue 21); absent when none, so older figures read as before. */
  panels?: PanelJson[];
  /** Adaptive votes, the stopping rule and the anytime intervals' level (issue 22); absent in older frozen figures. */
  sequential?: SequentialJson;
};

/** A criterion as the study names it (the first of a study's list is its primary one). */
export type CriterionDefJson = { key: string; label: string; question: string };

/** A share of counted votes with its 95% Wilson interval: how often a choice differed from the primary's. */
export type DisagreementJson = { votes: number; differ: number; rate: number | null; wilson: Interval | null; summary: string };

/**
 * One criterion other than the primary: the figures the primary's choice has at the top level, of the
 * choices on this criterion. Oriented like the primary's figures (the primary's leader is model A), so a
 * model pair reads the same way on every criterion: here model A's win rate may be below 50%.
 */
export type CriterionFiguresJson = CriterionDefJson & ChoiceFiguresJson & {
  /** Of the counted votes, those whose choice on this criterion differs from their primary choice (in A/B terms). */
  disagreement: DisagreementJson;
};

/** The figures of one set of choices (a criterion's, one judged turn's), as the study's own at the top level. */
export type ChoiceFiguresJson = {
  comparisons: ComparisonJson[];
  agreement: AgreementJson;
  positionBias: ShareJson;
  lengthBias: ShareJson;
  categories: CategoryJson[];
  /** Bradley–Terry on these choices, for 3+ models. */
  ranking: RankingJson | null;
};

/**
 * One judged turn of a conversation study (issue 21): every figure of the votes on its pairs (lengths are
 * the judged turn's), oriented like the study's figures (the all-turns leader is model A, so here model A's
 * win rate may be below 50%). Turn 0 is the whole conversation (pairs of prompts judged whole).
 */
export type TurnFiguresJson = ChoiceFiguresJson & {
  turn: number;
  /** Counted votes on the turn's pairs, and the prompts with a counted pair on it. */
  totals: { comparedVotes: number; promptsVoted: number };
};

/** One criterion's cell of a model pair: model A's (the primary's leader's) win rate, its Wilson interval and the votes behind it. */
export type CriteriaCellJson = { key: string; estimate: number | null; wilson: Interval | null; votes: number };

export type CriteriaJson = {
  /** Every criterion, the primary first. */
  list: CriterionDefJson[];
  /** Each criterion but the primary, in the study's order. */
  others: CriterionFiguresJson[];
  /** Per model pair (the primary's order and orientation), one cell per criterion in `list`'s order. */
  table: { modelA: string; modelB: string; cells: CriteriaCellJson[] }[];
  /** Of the counted votes, those where any criterion's choice differs from the primary choice. */
  disagreement: DisagreementJson;
};

export type PromptListRow = {
  pairId: string;
  promptId: string;
  instruction: string;
  category: string | null;
  dataset: string | null;
  modelA: string;
  modelB: string;
  gold: boolean;
  winsA: number;
  winsB: number;
  ties: number;
  bothBad: number;
  majority: "A" | "B" | "tie" | null;
  /** The assistant turn the pair judges (issue 21); 0: the whole conversation, or a single answer. */
  turn: number;
  /**
   * A study that samples model pairs (issue 22): the pair is not put to raters because its prompt has not
   * opened yet, or because the prompt's draw left it out; null for a pair put to raters (and in other studies).
   */
  held?: "notOpened" | "notDrawn" | null;
};

export type PromptListPage = { page: number; pageSize: number; total: number; items: PromptListRow[] };

export type PromptDetailVote = {
  rater: string;
  choice: "LEFT" | "RIGHT" | "TIE" | "BOTH_BAD";
  leftModel: string;
  rightModel: string;
  /** The winning model, or null for a tie / both bad. */
  winner: string | null;
  seconds: number;
  tooFast: boolean;
  rationale: string | null;
  votedAt: string;
};

export type PromptDetail = {
  pairId: string;
  promptId: string;
  instruction: string;
  input: string;
  category: string | null;
  dataset: string | null;
  /** The assistant turn the pair judges (issue 21); 0: the whole conversation, or a single answer. */
  turn: number;
  /** `markdown`: the text parsed as the rating page shows it (lib/markdown/parse.ts); a turn pair's: the judged turn's answer. */
  outputA: { model: string; text: string; markdown: MarkdownTree };
  outputB: { model: string; text: string; markdown: MarkdownTree };
  goldModel: string | null;
  votes: PromptDetailVote[];
  judges: { run: string; winner: string | null }[];
};

export type ResultsResponse = StudyResults & { prompts: PromptListPage };

/** An issue raters may tick on an answer ("Factual error / hallucination"); `key` is stable, `label` is shown. */
export type IssueDef = { key: string; label: string };

/**
 * One model's answers for one issue. The unit is the prompt: an answer carries the issue when a majority
 * of its ratings (marked > rated / 2, so 1 of 2 is not) ticked it. Ticking is optional, so these are
 * marked rates: an unticked box means "none marked", not "checked and absent".
 */
export type IssueModelRateJson = {
  modelId: string;
  model: string;
  /** Prompts whose answer by this model has at least one rating (answers counted). */
  prompts: number;
  /** Of those, answers majority-marked with the issue. */
  present: number;
  /** present / prompts; null when no answer was rated. */
  rate: number | null;
  /** 95% Wilson interval on prompts. */
  wilson95: Interval | null;
  /** 95% percentile bootstrap over prompts, each keeping its observed majority (seeded from the study id). */
  bootstrap95: Interval | null;
};

/** One side of a paired comparison, on the prompts where both models' answers were rated. */
export type IssuePairSideJson = { modelId: string; model: string; present: number; rate: number; wilson95: Interval };

/** Two models on the prompts where both answers were rated, in the page's model order. */
export type IssuePairJson = {
  first: IssuePairSideJson;
  second: IssuePairSideJson;
  /** Prompts where both answers were rated. */
  prompts: number;
  /** McNemar's b and c: prompts where only the first / only the second model's answer carries the issue. */
  onlyFirst: number;
  onlySecond: number;
  /** Exact two-sided McNemar test on onlyFirst vs onlySecond; 1 when they never differ. */
  pValue: number;
  /** One plain-language sentence. */
  summary: string;
};

export type IssueCategoryJson = {
  category: string;
  /** Every model in the page's order; prompts 0 (rate and interval null) when none of its answers in the category was rated. */
  models: { modelId: string; model: string; prompts: number; present: number; rate: number | null; wilson95: Interval | null }[];
};

/** Krippendorff's alpha (nominal: marked / not marked) over answers with 2+ ratings. */
export type IssueAgreementJson = { alpha: number | null; answers: number; ratings: number };

export type IssueRatesJson = IssueDef & {
  models: IssueModelRateJson[];
  /** Every pair of models that share rated prompts. */
  pairs: IssuePairJson[];
  /** Prompts without a category are in no row. */
  categories: IssueCategoryJson[];
  agreement: IssueAgreementJson;
  /** Bootstrap resamples behind each model's bootstrap95 (none are drawn for a model without rated answers). */
  resamples: number;
};
