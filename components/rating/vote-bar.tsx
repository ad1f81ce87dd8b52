// The vote buttons with their keyboard shortcuts, in a bar that stays at the bottom of the screen.
// Until the pair may be voted on, the buttons say why (aria-describedby) instead of going dead.
"use client";

import type { ReactNode, Ref } from "react";
import type { VoteChoice } from "@/lib/rating/limits";
import type { OfferedChoice } from "./rating-text";
import { useShortcuts } from "./shortcuts";
import type { VoteGate } from "./use-vote-gate";

export type VoteBarProps = {
  /** The study's choices, with their keys. */
  choices: OfferedChoice[];
  /** Whether votes count now (use-vote-gate.ts). */
  gate: VoteGate;
  wide: boolean;
  busy: boolean;
  error: string | null;
  /** The last vote's confirmation (with undo), shown above the buttons. */
  confirmation?: ReactNode;
  onVote: (choice: VoteChoice) => void;
  ref?: Ref<HTMLDivElement>;
};

export function VoteBar({ choices, gate, wide, busy, error, confirmation, onVote, ref }: VoteBarProps) {
  const { blocked, nudged, refuse } = gate;

  function attempt(choice: VoteChoice) {
    if (busy) return;
    if (blocked) refuse();
    else onVote(choice);
  }

  useShortcuts((key) => {
    const match = choices.find((c) => c.key === key);
    if (!match) return false;
    attempt(match.choice);
    return true;
  });

  const hint = blocked ?? (wide ? `Keys: ${choices.map((c) => `${c.key} ${c.label}`).join(" · ")}` : "Choose the better answer.");
  return (
    <VoteBarFrame ref={ref} confirmation={confirmation} status={hint} blocked={!!blocked} nudged={!!nudged} error={error}>
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
    </VoteBarFrame>
  );
}

export type VoteBarFrameProps = {
  confirmation?: ReactNode;
  /** The status line (#vote-status): why votes do not count yet, or the keys. */
  status: ReactNode;
  blocked: boolean;
  /** Flash the status line: a press was refused. */
  nudged: boolean;
  error: string | null;
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
};

/** The bar at the bottom of the screen: the last vote's confirmation, the status line, the controls, an error. */
export function VoteBarFrame({ confirmation, status, blocked, nudged, error, children, ref }: VoteBarFrameProps) {
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
          {status}
        </p>
        {children}
      </div>
      {error && <p id="vote-error" role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
