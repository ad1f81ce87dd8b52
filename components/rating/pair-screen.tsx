// One pair being judged: mounted afresh for every assignment (keyed by its id), so the rationale,
// messages, issue ticks and what was seen never carry over. It starts at the top of the page; votes count once
// the pair has settled and (when the study asks) both answers were seen.
"use client";

import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { optionError } from "@/lib/rater-api/vote-outcome";
import type { IssueTicks, ServedPair } from "@/lib/rating/types";
import type { VoteChoice } from "@/lib/rating/limits";
import { CriteriaVote } from "./criteria-vote";
import { IssuePicker } from "./issue-picker";
import { PairView } from "./pair-view";
import { RationaleField } from "./rationale-field";
import { useIssueTicks } from "./use-issue-ticks";
import { usePairReadiness } from "./use-pair-readiness";
import { useWideScreen } from "./use-wide-screen";
import { VoteBar } from "./vote-bar";

/** What the rater sends for a pair; `criteria`: the choices on every criterion but the primary (`choice`). */
export type PairVote = {
  choice: VoteChoice;
  criteria?: Record<string, VoteChoice>;
  rationale: string;
  seenBothMs: number | undefined;
  issues: IssueTicks | undefined;
};

export type PairScreenProps = {
  pair: ServedPair;
  /** Shown again after an undo: its answers were read before the undone vote. */
  restored: boolean;
  busy: boolean;
  serverError: string | null;
  confirmation?: React.ReactNode;
  /** What had focus in the rating page before this pair replaced the last one ("choice:LEFT", "other"). */
  focusMemory: RefObject<string | null>;
  onVote: (vote: PairVote) => void;
  onBlocked: (reason: string) => void;
  /** Says something in the page's live region (an issue ticked by key). */
  onAnnounce: (text: string) => void;
};

export function PairScreen({ pair, restored, busy, serverError, confirmation, focusMemory, onVote, onBlocked, onAnnounce }: PairScreenProps) {
  const { options } = pair;
  const wide = useWideScreen();
  const readiness = usePairReadiness(options, restored);
  const { ticks, toggle, forVote } = useIssueTicks({ issues: options.issues, keysEnabled: readiness.settled, busy, onKeyToggle: onAnnounce });
  const [rationale, setRationale] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [barHeight, setBarHeight] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const rationaleBox = useRef<HTMLTextAreaElement>(null);

  // A new pair is read from its top (the last one may have been left scrolled to its end).
  useLayoutEffect(() => {
    window.scrollTo({ top: 0, behavior: "instant" });
  }, []);

  // Focus that was on the last pair (now gone) lands on the same vote button, or on this pair.
  useEffect(() => {
    const memory = focusMemory.current;
    if (!memory || (document.activeElement && document.activeElement !== document.body)) return;
    const choice = memory.startsWith("choice:") ? root.current?.querySelector<HTMLElement>(`[data-choice="${memory.slice(7)}"]`) : null;
    (choice ?? root.current)?.focus({ preventScroll: true });
  }, [focusMemory]);

  useEffect(() => {
    const el = bar.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setBarHeight(el.offsetHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const vote = useCallback(
    ({ choice, criteria }: { choice: VoteChoice; criteria?: Record<string, VoteChoice> }) => {
      // The same option checks as the server, so the rater learns at once what is missing.
      const criterionKeys = options.criteria.slice(1).map((c) => c.key);
      const problem = optionError({ ...options, criterionKeys }, { choice, criteria, rationale: rationale.trim() || undefined });
      setLocalError(problem?.message ?? null);
      if (problem) rationaleBox.current?.focus();
      else onVote({ choice, criteria, rationale, seenBothMs: readiness.seenBothMs(), issues: forVote() });
    },
    [options, rationale, onVote, readiness, forVote],
  );

  const error = localError ?? serverError;
  const rationaleField = (
    <RationaleField mode={options.rationale} value={rationale} onChange={setRationale} invalid={!!error} ref={rationaleBox} />
  );
  return (
    // Focused only when focus would otherwise be lost; the focus ring stays on controls.
    <div ref={root} tabIndex={-1} style={{ outline: "none" }}>
      <PairView
        pair={pair}
        tracking={{ seen: readiness.seen, onSeen: readiness.markSeen, bottomInset: barHeight }}
        afterAnswer={(side) => (
          <IssuePicker side={side} issues={options.issues} ticked={ticks[side]} showKeys={wide} onToggle={(key) => toggle(side, key)} />
        )}
      />
      {options.criteria.length > 0 ? (
        <CriteriaVote
          options={options}
          readiness={readiness}
          wide={wide}
          busy={busy}
          error={error}
          confirmation={confirmation}
          rationale={rationaleField}
          onSubmit={vote}
          onBlocked={onBlocked}
          onAnnounce={onAnnounce}
          barRef={bar}
        />
      ) : (
        <>
          {rationaleField}
          <VoteBar
            ref={bar}
            options={options}
            readiness={readiness}
            wide={wide}
            busy={busy}
            error={error}
            confirmation={confirmation}
            onVote={(choice) => vote({ choice })}
            onBlocked={onBlocked}
          />
        </>
      )}
    </div>
  );
}
