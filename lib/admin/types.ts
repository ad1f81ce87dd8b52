// Shapes the admin and account pages get from the data layer, for client components (client-safe: types only).
import type { Role } from "@/lib/generated/prisma/enums";

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

export type UserRow = { id: string; email: string | null; role: Role; pseudonym: string; createdAt: Date; votes: number };

export type MissingByModel = { model: string; missing: number; present: number };

export type ImportSummary = {
  batchId: string;
  format: string;
  rowsRead: number;
  promptsNew: number;
  promptsMatched: number;
  outputsAdded: number;
  outputsReplaced: number;
  models: string[];
  /** Rows that are conversations, by their number of user turns (empty when every row is a single instruction). */
  conversations: { turns: number; rows: number }[];
  /** `turn`: the assistant turn the phrase is in, for a conversation. */
  leaks: { row: number; model: string; phrase: string; excerpt: string; turn?: number }[];
  missing: MissingByModel[];
  /** Outputs already stored (other models) flagged for naming a model this upload brought. */
  earlierFlagged: number;
};

export type ApiTokenState = "active" | "expired" | "revoked";

export type ApiTokenRow = {
  id: string;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  state: ApiTokenState;
};
