// When a pair may be voted on: `settleMs` after it was painted (a press meant for the previous pair,
// or a double tap, lands in that gap), and when the study asks, once both answers were seen.
"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { RatingOptions } from "@/lib/rating/types";

export type Side = "A" | "B";

export type Readiness = {
  seen: Record<Side, boolean>;
  settled: boolean;
  /** Votes (keys and buttons) count now. */
  ready: boolean;
  markSeen: (side: Side) => void;
  /** Ms from the pair being painted until both answers were seen; undefined while not both are. */
  seenBothMs: () => number | undefined;
};

/** `alreadySeen`: a pair shown again after an undo, read before the vote that is undone. */
export function usePairReadiness(options: RatingOptions, alreadySeen: boolean): Readiness {
  const [settled, setSettled] = useState(false);
  const [seen, setSeen] = useState<Record<Side, boolean>>({ A: alreadySeen, B: alreadySeen });
  const paintedAt = useRef<number | null>(null);
  const bothAt = useRef<number | null>(null);

  useEffect(() => {
    let timer: number | undefined;
    let second = 0;
    // Two frames: the first runs before the paint that shows the pair, the second after it.
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        paintedAt.current = performance.now();
        timer = window.setTimeout(() => setSettled(true), Math.max(0, options.settleMs));
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
      window.clearTimeout(timer);
    };
  }, [options.settleMs]);

  useEffect(() => {
    if (seen.A && seen.B && bothAt.current === null) bothAt.current = performance.now();
  }, [seen]);

  const markSeen = useCallback((side: Side) => setSeen((s) => (s[side] ? s : { ...s, [side]: true })), []);

  const seenBothMs = useCallback(() => {
    if (alreadySeen) return 0;
    if (bothAt.current === null) return undefined;
    return Math.max(0, Math.round(bothAt.current - (paintedAt.current ?? bothAt.current)));
  }, [alreadySeen]);

  const ready = settled && (!options.requireSeenBoth || (seen.A && seen.B));
  return { seen, settled, ready, markSeen, seenBothMs };
}
