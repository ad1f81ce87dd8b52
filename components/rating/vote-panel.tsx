// The vote buttons with their keyboard shortcuts, and the rationale box when the study asks for one.
"use client";

import { useLayoutEffect, useMemo } from "react";
import type { RatingOptions } from "@/lib/data/study-access";
import { RATIONALE_MAX_CHARS, type VoteChoice } from "@/lib/validation/vote";

type Choice = { choice: VoteChoice; label: string; keys: string[]; hint: string };

export function choicesFor(options: RatingOptions): Choice[] {
  const all: (Choice & { offered: boolean })[] = [
    { choice: "LEFT", label: "A is better", keys: ["1", "ArrowLeft"], hint: "1 or ←", offered: true },
    { choice: "RIGHT", label: "B is better", keys: ["2", "ArrowRight"], hint: "2 or →", offered: true },
    { choice: "TIE", label: "Tie", keys: ["3"], hint: "3", offered: options.allowTie },
    { choice: "BOTH_BAD", label: "Both are bad", keys: ["4"], hint: "4", offered: options.allowBothBad },
  ];
  return all.filter((c) => c.offered);
}

export type VotePanelProps = {
  options: RatingOptions;
  busy: boolean;
  rationale: string;
  onRationale: (text: string) => void;
  onVote: (choice: VoteChoice) => void;
  error: string | null;
};

// Shortcuts never fire while typing or while a dialog is open, nor with modifier keys (browser shortcuts).
function shortcutTarget(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  const target = event.target as HTMLElement | null;
  if (target?.closest("input, textarea, select, [contenteditable='true'], dialog")) return false;
  return !document.querySelector("dialog[open]");
}

export function VotePanel({ options, busy, rationale, onRationale, onVote, error }: VotePanelProps) {
  const choices = useMemo(() => choicesFor(options), [options]);
  // A layout effect, so the handler of the pair on screen is in place in the commit that shows it: a
  // key pressed as a pair appears goes to that pair, never to the previous pair's (busy) handler.
  useLayoutEffect(() => {
    function onKey(event: KeyboardEvent) {
      // A vote is one press: a held key's auto-repeat would vote on each new pair as it arrives.
      if (event.repeat || busy || !shortcutTarget(event)) return;
      const match = choices.find((c) => c.keys.includes(event.key));
      if (!match) return;
      event.preventDefault();
      onVote(match.choice);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy, choices, onVote]);

  return (
    <div className="space-y-3">
      {options.rationale !== "OFF" && (
        <div>
          <label htmlFor="rationale" className="block text-sm font-medium">
            Why? {options.rationale === "REQUIRED" ? "(required)" : "(optional)"}
          </label>
          <textarea
            id="rationale"
            value={rationale}
            onChange={(e) => onRationale(e.target.value)}
            maxLength={RATIONALE_MAX_CHARS}
            rows={2}
            required={options.rationale === "REQUIRED"}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "vote-error" : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 text-sm"
          />
        </div>
      )}
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        {choices.map((c) => (
          <button
            key={c.choice}
            type="button"
            aria-label={c.label}
            aria-keyshortcuts={c.keys.join(" ")}
            disabled={busy}
            onClick={() => onVote(c.choice)}
            className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${
              c.choice === "LEFT" || c.choice === "RIGHT"
                ? "bg-brand-600 text-white hover:bg-brand-700"
                : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
            }`}
          >
            {c.label}
            <kbd className="hidden rounded border border-current/30 px-1.5 font-mono text-xs opacity-80 sm:inline" aria-hidden="true">
              {c.hint}
            </kbd>
          </button>
        ))}
      </div>
      <p className="hidden text-xs text-slate-500 sm:block">
        Keyboard shortcuts: {choices.map((c) => `${c.hint}: ${c.label}`).join(" · ")}
      </p>
      {error && <p id="vote-error" role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
