// The canonical form of a study's votes, which a frozen result stores and hashes: one JSON object
// per line, keys in the order of FrozenVote, lines ordered by vote time then vote id (both ascending),
// each line ended by "\n", UTF-8. votesSha256 is the sha256 (hex) of exactly those bytes. Pure.
// The marks and the other criteria's choices appear only on votes that have them, so the lines of a
// study that asks for neither are the same as before they existed (and so are earlier hashes).
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
  /** Issues marked on the outputs, in output then issue-key order; absent when none. */
  issues?: { outputId: string; key: string }[];
  /** Choices on the criteria other than the primary, by key (keys in code-point order); absent when none. */
  criteria?: Record<string, { choice: FrozenVote["choice"]; winnerOutputId: string | null }>;
};

const KEYS: readonly (keyof FrozenVote)[] = [
  "id", "pairId", "rater", "choice", "winnerOutputId", "leftIsA", "servedAt", "votedAt", "msTaken", "tooFast", "seenBothMs", "rationale", "isDemo", "issues", "criteria",
];

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The vote's parts in their canonical order, the empty ones left out. */
function canonicalParts(v: FrozenVote): Pick<FrozenVote, "issues" | "criteria"> {
  const issues = [...(v.issues ?? [])].sort((x, y) => byCodePoint(x.outputId, y.outputId) || byCodePoint(x.key, y.key))
    .map(({ outputId, key }) => ({ outputId, key }));
  const keys = Object.keys(v.criteria ?? {}).sort(byCodePoint);
  return {
    issues: issues.length ? issues : undefined,
    criteria: keys.length ? Object.fromEntries(keys.map((k) => [k, { choice: v.criteria![k]!.choice, winnerOutputId: v.criteria![k]!.winnerOutputId }])) : undefined,
  };
}

/** Vote time, then id (code-point order): the same order whatever order the votes arrive in. */
export function compareVotes(a: FrozenVote, b: FrozenVote): number {
  if (a.votedAt !== b.votedAt) return a.votedAt < b.votedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The canonical JSON Lines of the votes (sorted here; the input is not changed). */
export function canonicalVoteLines(votes: readonly FrozenVote[]): string {
  return [...votes].sort(compareVotes)
    .map((v) => ({ ...v, ...canonicalParts(v) }))
    .map((v) => JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, v[k]]))) + "\n").join("");
}

export function votesSha256(canonicalLines: string): string {
  return createHash("sha256").update(canonicalLines, "utf8").digest("hex");
}

export function parseVoteLines(lines: string): FrozenVote[] {
  return lines.split("\n").filter(Boolean).map((line) => JSON.parse(line) as FrozenVote);
}
