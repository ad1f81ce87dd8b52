// Shapes the admin pages get from the data layer, for client components (client-safe: types only).

/** A model in the new-study form's picker. */
export type ModelChoice = { id: string; name: string; outputs: number };

/** An output flagged as possibly revealing its author. */
export type LeakDecision = "CLEARED" | "CONFIRMED";

export type FlaggedOutput = {
  id: string;
  model: string;
  instruction: string;
  phrase: string;
  excerpt: string;
  review: LeakDecision | null;
};
