// One exported vote, de-blinded: what every export format is serialized from.

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
  /** Output texts; only read for the formats that carry them (JSONL, AlpacaEval). */
  outputA: string | null;
  outputB: string | null;
};

export const EXPORT_FORMATS = ["csv", "jsonl", "alpaca_eval", "battles"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
