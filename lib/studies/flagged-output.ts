// An output flagged as possibly revealing its author, as the admin pages show it (client-safe).
export type LeakDecision = "CLEARED" | "CONFIRMED";

export type FlaggedOutput = {
  id: string;
  model: string;
  instruction: string;
  phrase: string;
  excerpt: string;
  review: LeakDecision | null;
};
