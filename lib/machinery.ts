// The caches and fast paths that exist only for a performance target of docs/benchmarks.md. Each can
// be turned off (PAIRWISE_MACHINERY_OFF=next-fast-path,results-cache or =all) so the bench shows what
// it buys; one that no target needs is removed, not kept switched on.
import { env } from "@/lib/env";

export const MACHINERY = {
  /** Decrypted session cookies kept per process (lib/auth/current-user.ts). */
  decodedCookies: "decoded-cookies",
  /** A large study's vote total shared for 2 s (lib/data/study-access.ts). */
  studyVotes: "study-votes-cache",
  /** Results figures kept in memory and in ResultsSnapshot (lib/results/study-results.ts). */
  resultsCache: "results-cache",
  /** The next pair leased with the session check in the same statement (app/api/studies/[id]/next). */
  nextFastPath: "next-fast-path",
  /** A sampling study's next prompts opened after a vote, before raters run out (lib/data/pair-opening.ts). */
  openAhead: "open-ahead",
  /** A sampling study's comparison intervals kept per process over the prompts already read (lib/data/comparison-sequences.ts). */
  keptSequences: "kept-sequences",
} as const;

/**
 * Database-side machinery, switched per database by a setting the vote triggers read
 * (prisma/sql/vote-tally.sql); the bench sets them on its scratch database, nothing else may.
 */
export const DATABASE_MACHINERY = {
  /** VoteHour spread over 32 shards by rater, so concurrent votes seldom share a row. */
  "vote-hour-shards": { setting: "pairwise.vote_hour_shards", off: "1" },
} as const;

export type Machinery = (typeof MACHINERY)[keyof typeof MACHINERY];

let off: Set<string> | undefined;

export function machineryOn(name: Machinery): boolean {
  off ??= new Set(env().PAIRWISE_MACHINERY_OFF.split(",").map((s) => s.trim()).filter(Boolean));
  return !off.has(name) && !off.has("all");
}
