// The aggregated rows SQL hands to the results assembly (lib/data/results produces them).
// Kept here so the assembly stays pure and testable without a database.
import type { PairRecord } from "@/lib/stats/pair-matrix";

/**
 * Counted pairs (voted, not gold, not excluded) of one model pair, in the pairs' own A/B order,
 * that have exactly these counts, and how many they are. A study judges a prompt at most once per
 * model pair (a unique index says so), so each pair is one prompt of its comparison.
 */
export type PairPatternRow = {
  modelA: string;
  modelB: string;
  winsA: number;
  winsB: number;
  ties: number;
  bothBad: number;
  pairs: number;
};

/**
 * Counted pairs of one model pair (own A/B order) with these counts and this length difference to
 * within 1% (A's characters minus B's, the middle of its bucket), and how many they are.
 */
export type LengthPatternRow = PairPatternRow & { lengthDiff: number };

/**
 * Excluded pairs of one model pair (own A/B order) that would count but for their exclusion (voted, not
 * gold; excluded raters' votes left out): their summed counts, and how many they are (one prompt each).
 */
export type ExcludedTallyRow = PairPatternRow;

/** Counted pairs of one model pair (own A/B order) whose prompt has this category or dataset: their summed counts, and how many they are. */
export type CategoryCountRow = PairPatternRow & { field: "category" | "dataset"; value: string };

/**
 * Prompts with exactly these counted votes on each model pair (the same votes as the patterns above: voted,
 * not gold, not excluded; excluded raters' votes left out), and how many they are: what the Bradley–Terry
 * ranking's bootstrap resamples, whole prompts at a time. A prompt judged turn by turn is one prompt over
 * all turns, and one per turn in that turn's figures. Read for studies of 3+ models only.
 */
export type PromptPatternRow = { votes: PairRecord[]; prompts: number };

/** Over all counted pairs: votes for the left / right answer, and decisive votes won by the longer / shorter answer (equal lengths skipped). */
export type SideCounts = { leftWins: number; rightWins: number; longerWins: number; shorterWins: number };

export type RaterStatsRow = {
  raterId: string;
  pseudonym: string;
  votes: number;
  left: number;
  right: number;
  ties: number;
  bothBad: number;
  tooFast: number;
  medianMs: number | null;
  goldVotes: number;
  goldCorrect: number;
  flagged: number;
  /** Votes the rater took back within the study's undo window (they are in no other figure). */
  undone: number;
  /** Votes agreeing with / compared to a strict plurality of the others on their pairs (excluded raters left out of the others). */
  agreed?: number;
  compared?: number;
} & Partial<RaterReferenceRow>;

/**
 * A rater's reference counts on counted pairs (not gold, not excluded), in the pairs' A/B terms:
 * own votes per outcome, votes whose pair's other votes (2+, excluded raters left out) were unanimous,
 * by that outcome, and how many of those matched it. Absent: no reference counts (treated as zeros).
 */
export type RaterReferenceRow = {
  ownA: number; ownB: number; ownTie: number; ownBothBad: number;
  refA: number; refB: number; refTie: number; refBothBad: number; refAgreed: number;
};

export type HourBucketRow = { hour: Date; votes: number };

export type JudgeRunRow = { id: string; name: string; fileName: string; createdAt: Date; labels: number };

export type JudgeCrossRow = {
  runId: string;
  modelA: string;
  modelB: string;
  /** The judge's label relative to the pair's output A ("tie" = a draw). */
  judge: "A" | "B" | "tie";
  /** The human majority on the pair, or null when humans have not voted on it. */
  human: "A" | "B" | "tie" | null;
  pairs: number;
};

/** How many of the study's pairs put each model as output A (decides each comparison's A/B order). */
export type PairOrderRow = { modelA: string; modelB: string; pairs: number };

/**
 * One model's answer to one prompt, for one issue: the ratings of that answer (`rated`) and how many of
 * them ticked the issue (`marked`). Rows repeating a (prompt, model, issue) are added together.
 */
export type IssueRatingRow = { promptId: string; category: string | null; modelId: string; issueKey: string; rated: number; marked: number };

/**
 * One of a study's criteria other than the primary (issue 20): what the study calls it, and the same
 * aggregates the vote's own choice gives (lib/data/results/pair-counts.ts), of the choices on it.
 */
export type CriterionAggregates = {
  key: string;
  label: string;
  question: string;
  patterns: PairPatternRow[];
  /** Empty unless the study has 3+ models. */
  promptPatterns: PromptPatternRow[];
  lengths: LengthPatternRow[];
  categories: CategoryCountRow[];
  sides: SideCounts;
  excludedTallies: ExcludedTallyRow[];
};

/** Counted votes with a choice on a criterion, and how many of those differ from the vote's primary choice. */
export type DisagreementCount = { votes: number; differ: number };

/** Per other criterion by key, and over votes: those where any criterion differs from the primary. */
export type DisagreementCounts = { byCriterion: Record<string, DisagreementCount>; any: DisagreementCount };

/**
 * One judged turn's aggregates (issue 21): the rows the study's figures are made of, of that turn's pairs
 * only (their lengths are the judged turn's), and the prompts with a counted pair on it.
 */
export type TurnAggregates = {
  turn: number;
  patterns: PairPatternRow[];
  /** Each (prompt, this turn) one prompt; empty unless the study has 3+ models. */
  promptPatterns: PromptPatternRow[];
  lengths: LengthPatternRow[];
  categories: CategoryCountRow[];
  sides: SideCounts;
  excludedTallies: ExcludedTallyRow[];
  promptsVoted: number;
};

/** An external panel attached to the study (imported human judgments), with what its import counted. */
export type PanelRunRow = {
  id: string; name: string; fileName: string; format: string; createdAt: Date; rowCount: number;
  unmatched: { prompt?: number; models?: number; turn?: number }; repeated: number; votes: number; judges: number;
};

/**
 * Pairs with a panel's votes, grouped by turn and by what both sides said on them: our raters' counts
 * (A wins, B wins, ties with both bad) and the panel's, and how many pairs share exactly these counts.
 */
export type PanelCountRow = {
  runId: string; turn: number;
  oursA: number; oursB: number; oursTie: number;
  panelA: number; panelB: number; panelTie: number;
  pairs: number;
};

/**
 * A model pair (names, in either order) and one mark per counted prompt (lib/stats/anytime-win-rate.ts
 * PromptMark), in the order fixed before any vote, modelA's side up: what the anytime intervals read. In a
 * study that samples model pairs, `inclusions` holds each prompt's inclusion probability, aligned with the
 * marks (null: the prompt has not opened); absent otherwise.
 */
export type PromptMarksRow = { modelA: string; modelB: string; marks: string; inclusions?: readonly (number | null)[] };
