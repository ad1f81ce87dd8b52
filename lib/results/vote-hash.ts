// The canonical form of a study's votes, which a frozen result stores and hashes: one JSON object
// per line, keys in the order of FrozenVote, lines ordered by vote time then vote id (both ascending),
// each line ended by "\n", UTF-8. votesSha256 is the sha256 (hex) of exactly those bytes. Pure.
import { createHash } from "node:crypto";

/** A vote as frozen: raters by pseudonym only; times as ISO 8601 UTC with milliseconds. */
export type FrozenVote = {
  id: string;
  pairId: string;
  rater: string;
  choice: "LEFT" | "RIGHT" | "TIE" | "BOTH_BAD";
  winnerOutputId: string | null;
  leftIsA: boolean;
  servedAt: string;
  votedAt: string;
  msTaken: number;
  tooFast: boolean;
  seenBothMs: number | null;
  rationale: string | null;
  isDemo: boolean;
};

const KEYS: readonly (keyof FrozenVote)[] = [
  "id", "pairId", "rater", "choice", "winnerOutputId", "leftIsA", "servedAt", "votedAt", "msTaken", "tooFast", "seenBothMs", "rationale", "isDemo",
];

/** Vote time, then id (code-point order): the same order whatever order the votes arrive in. */
export function compareVotes(a: FrozenVote, b: FrozenVote): number {
  if (a.votedAt !== b.votedAt) return a.votedAt < b.votedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The canonical JSON Lines of the votes (sorted here; the input is not changed). */
export function canonicalVoteLines(votes: readonly FrozenVote[]): string {
  return [...votes].sort(compareVotes).map((v) => JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, v[k]]))) + "\n").join("");
}

export function votesSha256(canonicalLines: string): string {
  return createHash("sha256").update(canonicalLines, "utf8").digest("hex");
}

export function parseVoteLines(lines: string): FrozenVote[] {
  return lines.split("\n").filter(Boolean).map((line) => JSON.parse(line) as FrozenVote);
}
