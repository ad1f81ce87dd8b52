// The aggregated rows SQL hands to the results assembly (lib/data/results produces them).
// Kept here so the assembly stays pure and testable without a database.

/** Vote counts of one study pair (one prompt, two outputs), gold and excluded pairs left out. */
export type PairCountRow = {
  promptId: string;
  category: string | null;
  dataset: string | null;
  modelA: string;
  modelB: string;
  /** Characters of each output, for the length-bias check. */
  lengthA: number;
  lengthB: number;
  winsA: number;
  winsB: number;
  ties: number;
  bothBad: number;
  leftWins: number;
  rightWins: number;
};

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
  /** Votes agreeing with / compared to the others' plurality, from the Vote flags (valid with no rater excluded). */
  agreed?: number;
  compared?: number;
};

export type RaterAgreementRow = { raterId: string; agreed: number; compared: number };

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
