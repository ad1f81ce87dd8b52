// One pair being judged: mounted afresh for every assignment (keyed by its id), so the rationale,
// messages, issue ticks and what was seen never carry over. It starts at the top of the page; votes count once
// the pair has settled and (when the study asks) both answers were seen.
"use client";

import { type RefObject, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { IssueTicks, ServedPair } from "@/lib/rating/types";
import { RATIONALE_REQUIRED_MESSAGE, type VoteChoice } from "@/lib/rating/limits";
import { CriteriaVote } from "./lazy-criteria-vote";
import { IssuePicker } from "./lazy-issue-picker";
import { PairView } from "./pair-view";
import { RationaleField } from "./rationale-field";
import { choicesFor } from "./rating-text";
import { useIssueTicks } from "./use-issue-ticks";
import { usePairReadiness } from "./use-pair-readiness";
import { useVoteGate } from "./use-vote-gate";
import { useWideScreen } from "./use-wide-screen";
import { VoteBar } from "./vote-bar";

/**
 * What the rater sends for a pair; `criteria`: the choices on every criterion but the primary (`choice`),
 * `judged`: how the confirmation says them.
 */
export type PairVote = {
  choice: VoteChoice;
  criteria?: Record<string, VoteChoice>;
  judged?: string;
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
  const gate = useVoteGate(options, readiness, wide, busy, onBlocked);
  const offered = useMemo(() => choicesFor(options), [options]);
  const { ticks, toggle, forVote } = useIssueTicks({ issues: options.issues, keysEnabled: readiness.settled, busy, onKeyToggle: onAnnounce });
  const [rationale, setRationale] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [barHeight, setBarHeight] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  // The bar's element as state: the criteria's bar appears once their code has loaded.
  const [bar, setBar] = useState<HTMLDivElement | null>(null);
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
    if (!bar || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setBarHeight(bar.offsetHeight));
    observer.observe(bar);
    return () => observer.disconnect();
  }, [bar]);

  const vote = useCallback(
    ({ choice, criteria, judged }: Pick<PairVote, "choice" | "criteria" | "judged">) => {
      // The one refusal a rater can cause from this screen, said at once: the buttons offer only the
      // study's choices, on every criterion (the server checks all of it again).
      const problem = options.rationale === "REQUIRED" && !rationale.trim() ? RATIONALE_REQUIRED_MESSAGE : null;
      setLocalError(problem);
      if (problem) rationaleBox.current?.focus();
      else onVote({ choice, criteria, judged, rationale, seenBothMs: readiness.seenBothMs(), issues: forVote() });
    },
    [options.rationale, rationale, onVote, readiness, forVote],
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
        afterAnswer={(side) => options.issues.length > 0 && (
          <Suspense fallback={null}>
            <IssuePicker side={side} issues={options.issues} ticked={ticks[side]} showKeys={wide} onToggle={(key) => toggle(side, key)} />
          </Suspense>
        )}
      />
      {options.criteria.length > 0 ? (
        <Suspense fallback={null}>
          <CriteriaVote
            criteria={options.criteria}
            offered={offered}
            gate={gate}
            wide={wide}
            busy={busy}
            error={error}
            confirmation={confirmation}
            rationale={rationaleField}
            onSubmit={vote}
            onAnnounce={onAnnounce}
            barRef={setBar}
          />
        </Suspense>
      ) : (
        <>
          {rationaleField}
          <VoteBar
            ref={setBar}
            choices={offered}
            gate={gate}
            wide={wide}
            busy={busy}
            error={error}
            confirmation={confirmation}
            onVote={(choice) => vote({ choice })}
          />
        </>
      )}
    </div>
  );
}
