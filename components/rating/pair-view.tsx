// The instruction on top and the two answers as "A" and "B": side by side on wide screens, one at a
// time behind an A | B switch on narrow ones (a conversation's turns around them: conversation-pair.tsx). Each answer reports when it was seen: its end on screen
// (above the sticky vote bar), or keyboard focus inside it. What follows an answer's end (its issue
// boxes) comes after that mark, so it never has to be scrolled past for the answer to count as read.
"use client";

import { type FocusEvent, type ReactNode, Suspense, useEffect, useRef } from "react";
import type { ServedPair } from "@/lib/rating/types";
import { AnswerTabs } from "./answer-tabs";
import { ConversationPair } from "./lazy-conversation-pair";
import { MarkdownAnswer } from "./markdown-answer";
import type { AnswerProps, SeenTracking } from "./answer-props";
import type { Side } from "./use-pair-readiness";
import { useWideScreen } from "./use-wide-screen";

export type PairViewProps = {
  pair: ServedPair;
  tracking?: SeenTracking;
  /** Shown inside each answer, after its end (the rater's issue ticks). */
  afterAnswer?: (side: Side) => ReactNode;
};

export function PairView({ pair, tracking, afterAnswer }: PairViewProps) {
  const wide = useWideScreen();
  const answer = (side: Side, props: Partial<AnswerProps> = {}) => (
    <Answer side={side} answer={side === "A" ? pair.left : pair.right} tracking={tracking} after={afterAnswer?.(side)} {...props} />
  );
  if (pair.conversation) {
    return (
      <div className="space-y-4 motion-safe:animate-pair-in">
        <Suspense fallback={null}>
          <ConversationPair conversation={pair.conversation} wide={wide} seen={tracking?.seen} answer={answer} />
        </Suspense>
      </div>
    );
  }
  return (
    <div className="space-y-4 motion-safe:animate-pair-in">
      <section aria-labelledby="instruction-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="instruction-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          Instruction
        </h2>
        <p className="mt-2 whitespace-pre-wrap break-words text-base">{pair.prompt.instruction}</p>
        {pair.prompt.input && (
          <>
            <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-500">Input</h3>
            <p className="mt-2 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-mono text-sm">{pair.prompt.input}</p>
          </>
        )}
      </section>
      {wide ? (
        <div className="grid grid-cols-2 gap-4">
          {answer("A")}
          {answer("B")}
        </div>
      ) : (
        <AnswerTabs seen={tracking?.seen} renderPanel={(side, panel) => answer(side, panel)} />
      )}
    </div>
  );
}

function Answer({ side, answer, tracking, before, after, id, labelledBy, hidden }: AnswerProps) {
  const end = useRef<HTMLDivElement>(null);
  const onSeen = tracking?.onSeen;
  const bottomInset = tracking?.bottomInset ?? 0;
  const seen = tracking?.seen[side] ?? false;

  useEffect(() => {
    const sentinel = end.current;
    if (!onSeen || seen || !sentinel) return;
    if (typeof IntersectionObserver === "undefined") return onSeen(side);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onSeen(side);
      },
      { rootMargin: `0px 0px -${Math.round(bottomInset)}px 0px` },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [side, onSeen, seen, bottomInset]);

  // Keyboard (and screen-reader) focus counts as seeing it; a mouse click into the text does not.
  function onFocus(event: FocusEvent<HTMLElement>) {
    if (onSeen && event.target.matches(":focus-visible")) onSeen(side);
  }

  return (
    <section
      id={id}
      role={labelledBy ? "tabpanel" : "region"}
      aria-label={labelledBy ? undefined : `Answer ${side}`}
      aria-labelledby={labelledBy}
      hidden={hidden}
      data-seen={tracking ? seen : undefined}
      tabIndex={0}
      onFocus={onFocus}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      {/* Behind the A | B switch the tab already names the answer and whether it was read. */}
      <div className={`mb-2 items-center justify-between gap-2 text-sm ${labelledBy ? "hidden" : "flex"}`} aria-hidden="true">
        <span className="flex items-center gap-2 font-semibold text-slate-500">
          <span className="inline-flex h-6 w-6 items-center justify-center rounded-full bg-brand-100 text-brand-700">{side}</span>
          Answer {side}
        </span>
        {tracking && (seen
          ? <span className="text-xs font-medium text-emerald-700">✓ Read</span>
          : <span className="text-xs text-slate-500">Not read to the end yet</span>)}
      </div>
      {before}
      <MarkdownAnswer tree={answer.markdown} />
      <div ref={end} data-answer-end="" className="h-px" aria-hidden="true" />
      {after}
    </section>
  );
}
