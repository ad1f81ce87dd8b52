// One exported vote, de-blinded: what every export format is serialized from.

/** One criterion's choice in a vote, in the same terms as the vote's: the side chosen and the winning model. */
export type CriterionChoice = {
  key: string;
  /** Null only if the vote lacks this criterion (the vote statement requires every one). */
  choice: "LEFT" | "RIGHT" | "TIE" | "BOTH_BAD" | null;
  winner: string | null;
};

export type ExportVote = {
  voteId: string;
  studyId: string;
  pairId: string;
  promptId: string;
  instruction: string;
  input: string;
  category: string | null;
  dataset: string | null;
  /** The pair's canonical output A and B models. */
  modelA: string;
  modelB: string;
  /** True when output A was shown on the left. */
  leftIsA: boolean;
  choice: "LEFT" | "RIGHT" | "TIE" | "BOTH_BAD";
  /** The winning model; null for TIE and BOTH_BAD. */
  winner: string | null;
  rater: string;
  servedAt: Date;
  votedAt: Date;
  msTaken: number;
  tooFast: boolean;
  flagged: boolean;
  rationale: string | null;
  gold: boolean;
  excluded: boolean;
  isDemo: boolean;
  /** Keys of the issues marked on output A and on output B (empty when none, or the study asks for none). */
  issuesA: string[];
  issuesB: string[];
  /**
   * The vote's choice on each of the study's criteria, in the study's order, the primary first (its
   * choice and winner are the vote's own); empty when the study asks one overall choice.
   */
  criteria: CriterionChoice[];
  /** Output texts (a conversation pair: the judged turn's answer); only read for the formats that carry them (JSONL, AlpacaEval). */
  outputA: string | null;
  outputB: string | null;
  /** The assistant turn the pair judges (issue 21); 0 or absent: the whole conversation, or a single answer. */
  turn?: number;
  /** A conversation pair's conversation (read for JSONL and battles); absent or null for a single instruction judged whole. */
  conversation?: ExportConversation | null;
  /**
   * A study that samples model pairs (issue 22): the probability the pair's prompt put it to raters when it
   * opened (null: a gold pair, which is not sampled). Absent for other studies.
   */
  inclusion?: number | null;
};

/**
 * The prompt's user turns and system prompt, and both outputs' assistant turns (output A's, output B's), one
 * per user turn. A single instruction judged as turn 1 is a one-turn conversation (instruction and input, the text).
 */
export type ExportConversation = { system: string | null; userTurns: string[]; turnsA: string[]; turnsB: string[] };

export const EXPORT_FORMATS = ["csv", "jsonl", "alpaca_eval", "battles"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The study's criteria as the exports need them: keys in order, primary first (none: one overall choice). */
export type ExportOptions = {
  criteria: readonly string[];
  /** The criterion whose choice is the preference of the AlpacaEval and battles records (a key of `criteria`). */
  criterion?: string;
  /** The study judges turns or holds conversations (issue 21): the CSV gets a `turn` column. */
  turns?: boolean;
  /** The study samples model pairs (issue 22): the CSV gets a last column `inclusion_probability` (the other formats a field). */
  sampling?: boolean;
};

/** A criterion as the export links offer it. */
export type ExportCriterion = { key: string; label: string };
