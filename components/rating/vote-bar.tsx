// The vote buttons with their keyboard shortcuts, in a bar that stays at the bottom of the screen.
// Until the pair may be voted on, the buttons say why (aria-describedby) instead of going dead.
"use client";

import { type ReactNode, type Ref, useEffect, useMemo, useState } from "react";
import type { RatingOptions } from "@/lib/rating/types";
import type { VoteChoice } from "@/lib/rating/limits";
import { choiceLabel } from "./rating-text";
import { useShortcuts } from "./shortcuts";
import type { Readiness, Side } from "./use-pair-readiness";

type Choice = { choice: VoteChoice; label: string; key: string };

export function choicesFor(options: RatingOptions): Choice[] {
  const all: (Choice & { offered: boolean })[] = [
    { choice: "LEFT", label: choiceLabel("LEFT"), key: "1", offered: true },
    { choice: "RIGHT", label: choiceLabel("RIGHT"), key: "2", offered: true },
    { choice: "TIE", label: choiceLabel("TIE"), key: "3", offered: options.allowTie },
    { choice: "BOTH_BAD", label: choiceLabel("BOTH_BAD"), key: "4", offered: options.allowBothBad },
  ];
  return all.filter((c) => c.offered);
}

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

export type VoteBarProps = {
  options: RatingOptions;
  readiness: Readiness;
  wide: boolean;
  busy: boolean;
  error: string | null;
  /** The last vote's confirmation (with undo), shown above the buttons. */
  confirmation?: ReactNode;
  onVote: (choice: VoteChoice) => void;
  /** A vote was tried before it could count: say why. */
  onBlocked: (reason: string) => void;
  ref?: Ref<HTMLDivElement>;
};

export function VoteBar({ options, readiness, wide, busy, error, confirmation, onVote, onBlocked, ref }: VoteBarProps) {
  const choices = useMemo(() => choicesFor(options), [options]);
  const blocked = busy ? "Saving your vote…" : blockedReason(options, readiness, wide);
  const [nudged, setNudged] = useState(0);

  useEffect(() => {
    if (!nudged) return;
    const timer = window.setTimeout(() => setNudged(0), 1200);
    return () => window.clearTimeout(timer);
  }, [nudged]);

  function attempt(choice: VoteChoice) {
    if (busy) return;
    if (blocked) {
      setNudged((n) => n + 1);
      onBlocked(blocked);
    } else onVote(choice);
  }

  useShortcuts((key) => {
    const match = choices.find((c) => c.key === key);
    if (!match) return false;
    attempt(match.choice);
    return true;
  });

  const hint = blocked ?? (wide ? `Keys: ${choices.map((c) => `${c.key} ${c.label}`).join(" · ")}` : "Choose the better answer.");
  return (
    <div
      ref={ref}
      className="sticky bottom-0 z-20 -mx-4 mt-4 space-y-2 border-t border-slate-200 bg-white px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] shadow-[0_-6px_16px_rgba(15,23,42,0.08)] md:mx-0 md:rounded-t-lg md:border-x"
    >
      {confirmation}
      <div className="flex flex-col gap-2 md:flex-row md:items-center md:justify-between md:gap-4">
        <p
          id="vote-status"
          className={`text-sm transition-colors ${blocked ? "font-medium text-amber-900" : "text-slate-600"} ${
            nudged ? "rounded bg-amber-100 px-1" : ""
          }`}
        >
          {hint}
        </p>
        <div className="grid grid-cols-2 gap-2 md:flex md:shrink-0">
          {choices.map((c) => (
            <button
              key={c.choice}
              type="button"
              data-choice={c.choice}
              aria-disabled={blocked ? true : undefined}
              aria-describedby={blocked ? "vote-status" : undefined}
              aria-keyshortcuts={c.key}
              onClick={() => attempt(c.choice)}
              className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors aria-disabled:cursor-not-allowed aria-disabled:opacity-50 ${
                c.choice === "LEFT" || c.choice === "RIGHT"
                  ? "bg-brand-600 text-white hover:bg-brand-700 aria-disabled:hover:bg-brand-600"
                  : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 aria-disabled:hover:bg-white"
              }`}
            >
              {c.label}
              {wide && (
                <kbd className="rounded border border-current/30 px-1.5 font-mono text-xs opacity-80" aria-hidden="true">
                  {c.key}
                </kbd>
              )}
            </button>
          ))}
        </div>
      </div>
      {error && <p id="vote-error" role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
