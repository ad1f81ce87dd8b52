// On narrow screens one answer at a time, switched with an A | B control that stays at the top while
// reading; each answer keeps its own scroll position, so comparing is one tap, not a long scroll.
"use client";

import { type KeyboardEvent, type ReactNode, useLayoutEffect, useRef, useState } from "react";
import type { Side } from "./use-pair-readiness";

const SIDES: Side[] = ["A", "B"];

export type PanelProps = { id: string; labelledBy: string; hidden: boolean };
export type AnswerTabsProps = {
  seen?: Record<Side, boolean>;
  /** What each side holds: an answer, or (a whole conversation judged) a conversation. */
  noun?: "Answer" | "Conversation";
  renderPanel: (side: Side, panel: PanelProps) => ReactNode;
};

export function AnswerTabs({ seen, noun = "Answer", renderPanel }: AnswerTabsProps) {
  const [selected, setSelected] = useState<Side>("A");
  const wrapper = useRef<HTMLDivElement>(null);
  const tabs = useRef<Record<Side, HTMLButtonElement | null>>({ A: null, B: null });
  // Each answer's scroll position, relative to where the answers start on the page.
  const offsets = useRef<Partial<Record<Side, number>>>({});
  const switched = useRef(false);

  const answersTop = () => (wrapper.current ? wrapper.current.getBoundingClientRect().top + window.scrollY : 0);

  function select(side: Side, focus = false) {
    if (focus) tabs.current[side]?.focus();
    if (side === selected) return;
    offsets.current[selected] = window.scrollY - answersTop();
    switched.current = true;
    setSelected(side);
  }

  // Before the paint that shows the other answer: back where the rater left it, or at its start.
  useLayoutEffect(() => {
    if (!switched.current) return;
    switched.current = false;
    const top = answersTop();
    const saved = offsets.current[selected];
    if (saved !== undefined) window.scrollTo({ top: top + saved, behavior: "instant" });
    else if (window.scrollY > top) window.scrollTo({ top, behavior: "instant" });
  }, [selected]);

  function onKeyDown(event: KeyboardEvent) {
    const index = SIDES.indexOf(selected);
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: SIDES.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(SIDES[(to + SIDES.length) % SIDES.length]!, true);
  }

  return (
    <div ref={wrapper}>
      <div className="sticky top-0 z-10 -mx-4 bg-slate-50/95 px-4 py-2 backdrop-blur">
        <div role="tablist" aria-label={`${noun}s`} onKeyDown={onKeyDown} className="grid grid-cols-2 gap-1 rounded-lg bg-slate-200 p-1">
          {SIDES.map((side) => (
            <button
              key={side}
              ref={(el) => { tabs.current[side] = el; }}
              id={`answer-tab-${side}`}
              type="button"
              role="tab"
              aria-selected={selected === side}
              aria-controls={`answer-panel-${side}`}
              tabIndex={selected === side ? 0 : -1}
              onClick={() => select(side)}
              className={`flex min-h-11 items-center justify-center gap-2 rounded-md text-sm font-semibold transition-colors ${
                selected === side ? "bg-white text-slate-900 shadow-sm" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              {noun} {side}
              {seen && (
                <span aria-hidden="true" className={seen[side] ? "text-emerald-700" : "text-xs font-normal text-slate-600"}>
                  {seen[side] ? "✓" : "unread"}
                </span>
              )}
            </button>
          ))}
        </div>
      </div>
      <div className="mt-2">
        {SIDES.map((side) => (
          <div key={side}>{renderPanel(side, { id: `answer-panel-${side}`, labelledBy: `answer-tab-${side}`, hidden: selected !== side })}</div>
        ))}
      </div>
    </div>
  );
}
