// Whether a vote (a press, a key, a criterion's choice) may count now, shared by the single vote bar and
// the criteria: while not, it says why in the status line, which flashes when a press is refused.
"use client";

import { useEffect, useState } from "react";
import type { RatingOptions } from "@/lib/rating/types";
import type { Readiness, Side } from "./use-pair-readiness";

/** Why a vote would not count now, or null when it would. */
export function blockedReason(options: RatingOptions, readiness: Readiness, wide: boolean): string | null {
  const unread = (["A", "B"] as Side[]).filter((side) => !readiness.seen[side]);
  if (options.requireSeenBoth && unread.length > 0) {
    if (!wide) return `Read both answers to vote: ${unread.length === 2 ? "A and B are" : `${unread[0]} is`} unread.`;
    return `Read both answers to vote: scroll to the end of ${unread.length === 2 ? "answers A and B" : `answer ${unread[0]}`}.`;
  }
  if (!readiness.settled) return "New pair: voting opens in a moment.";
  return null;
}

export type VoteGate = {
  /** Why nothing counts now ("Saving your vote…" while one is sent), or null. */
  blocked: string | null;
  /** Non-zero for a moment after a refused press: the status line flashes. */
  nudged: number;
  /** A press came while blocked (or for `reason`, e.g. a criterion left out): flash the status and say why. */
  refuse: (reason?: string) => void;
};

export function useVoteGate(options: RatingOptions, readiness: Readiness, wide: boolean, busy: boolean, onBlocked: (reason: string) => void): VoteGate {
  const blocked = busy ? "Saving your vote…" : blockedReason(options, readiness, wide);
  const [nudged, setNudged] = useState(0);

  useEffect(() => {
    if (!nudged) return;
    const timer = window.setTimeout(() => setNudged(0), 1200);
    return () => window.clearTimeout(timer);
  }, [nudged]);

  function refuse(reason = blocked) {
    if (busy || !reason) return;
    setNudged((n) => n + 1);
    onBlocked(reason);
  }
  return { blocked, nudged, refuse };
}
