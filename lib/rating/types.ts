// What the rater's browser and the rater API exchange: client-safe types only (no server imports), so
// the rating components never reach a server-only module. Nothing here may carry model identity
// before a vote (blinding); `VoteReply.reveal` exists only for studies that reveal after the vote.
import type { VoteChoice } from "@/lib/rating/limits";
import type { MarkdownTree } from "@/lib/markdown/tree";

export type RatingOptions = {
  allowTie: boolean;
  allowBothBad: boolean;
  rationale: "OFF" | "OPTIONAL" | "REQUIRED";
  /** After a pair is painted, votes (keys and buttons) are accepted only after this many ms. */
  settleMs: number;
  /** Votes are accepted only once both answers have been seen (end on screen, or focus inside). */
  requireSeenBoth: boolean;
  /** A recorded vote may be undone for this many seconds; 0: no undo. */
  undoSeconds: number;
  /** Issues the rater may mark on each answer, in display order; empty: the study asks for none. */
  issues: { key: string; label: string }[];
  /**
   * Criteria the rater judges each pair on, the primary first (its choice is the vote's `choice`);
   * empty: one overall choice.
   */
  criteria: { key: string; label: string; question: string }[];
};

export type IssueOption = RatingOptions["issues"][number];

/** Issue keys ticked on the answer shown on the left (A) and on the right (B); empty: none marked. */
export type IssueTicks = { left: string[]; right: string[] };

export type Completion = { code: string | null; url: string | null };

export type Progress = {
  judgedByYou: number;
  studyVotes: number;
  studyVotesWanted: number;
  /** The study's cap on this rater's votes ("pair 10 of 30"); null when there is none. */
  yourQuota: number | null;
  /** About how many more pairs this rater can judge (the quota's rest, or what the study still needs). */
  leftForYou: number;
  /** This rater's median time per vote in this study, for a time estimate; null before their first vote. */
  yourMedianMs: number | null;
};

/**
 * One answer as shown: its text, and its Markdown parsed by the server (the browser only renders the
 * tree). `text` stays for API clients; the tree holds nothing but the text's structure.
 */
export type ServedAnswer = { text: string; markdown: MarkdownTree };

/**
 * A turn of a conversation shown before the answers being judged: the user's message, then the two
 * models' answers as shown (`left` is A), or, when both wrote the same (a fixed history), that answer once.
 */
export type ServedTurn<A = ServedAnswer> = { user: string } & ({ left: A; right: A } | { same: A });

/**
 * A conversation pair (issue 21): what comes before the judged answers, which are the pair's own
 * `left`/`right` (so clients of single answers keep working). Absent for a single instruction.
 */
export type ServedConversation<A = ServedAnswer> = {
  /** The system prompt, only in studies that show it. */
  system?: string;
  /** The turns before the judged one, in order; never any turn after it. */
  earlier: ServedTurn<A>[];
  /** The user's message that `left` and `right` answer. */
  user: string;
  /** The number (1-based) of the turn `left` and `right` answer, and how many turns the conversation has. */
  turn: number;
  turns: number;
  /** The whole conversation is judged (every turn, `earlier` too), not only turn `turn`. */
  whole: boolean;
};

export type ServedPair = {
  assignmentId: string;
  /** Shown as plain text (not Markdown), as written. In a conversation: its first user message. */
  prompt: { instruction: string; input: string };
  left: ServedAnswer;
  right: ServedAnswer;
  /** Only for a conversation; single instructions are served without it. */
  conversation?: ServedConversation;
  expiresAt: string;
  options: RatingOptions;
  progress: Progress;
};

/**
 * No more pairs for this rater. `completion` only once they cast the study's minimum of real votes;
 * `shortOfVotes` says how many they still lacked when the pairs ran out (flags do not count), and
 * `screenOut` is the study's screen-out code/URL for that case (crowd platforms: "no pairs left for you").
 */
export type AllJudged = { done: true; progress: Progress; completion?: Completion; screenOut?: Completion; shortOfVotes?: number };
/** Nothing free now, but pairs held by other raters' leases may come back when those expire. */
export type WaitForPairs = { done: false; waiting: true; retryAfterSeconds: number; progress: Progress };
export type NextPair = ServedPair | AllJudged | WaitForPairs;

export type VoteReply = {
  vote: { assignmentId: string; choice: VoteChoice; recordedAt: string };
  /** Until when (ISO time) this vote may be undone; absent when the study has no undo. */
  undoUntil?: string;
  /** Only in studies with revealAfterVote, and only once the vote is recorded. */
  reveal?: { left: { model: string }; right: { model: string } };
};

/** POST /api/studies/{id}/votes/undo {assignmentId}: the undone pair again, same sides, under a new id. */
export type UndoReply = { undone: { choice: VoteChoice }; pair: ServedPair };
