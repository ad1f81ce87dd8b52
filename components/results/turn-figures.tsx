"use client";
// The model figures of a study that judges conversation turns one by one (issue 21): a switch between
// all turns together and each judged turn, every figure made by the same sections for the chosen one.
// A study without judged turns shows its figures as before.
import { type KeyboardEvent, useRef, useState } from "react";
import type { ChoiceFiguresJson, StudyResults, TurnFiguresJson } from "@/lib/results/types";
import { CategoriesSection } from "./categories-section";
import { ModelFigures, sequentialShown } from "./figure-sections";

type Scope = "all" | number;

export function turnLabel(turn: number): string {
  return turn === 0 ? "Whole conversation" : `Turn ${turn}`;
}

function scopeNote(r: StudyResults, turn: TurnFiguresJson | undefined): string {
  if (!turn) {
    return `All turns together: ${r.totals.comparedVotes} votes. A vote on turn 1 and one on turn 2 of the same prompt are separate ` +
      "judgments, so each turn's pair counts as one prompt in the win rates, majorities, bootstrap and categories below " +
      "(the ranking's bootstrap draws a prompt with all its turns).";
  }
  const judged = turn.turn === 0 ? "the whole conversation" : `assistant turn ${turn.turn} (raters saw the turns before it; lengths are turn ${turn.turn}'s)`;
  const prompts = turn.totals.promptsVoted === 1 ? "1 prompt" : `${turn.totals.promptsVoted} prompts`;
  return `Votes on ${judged}: ${turn.totals.comparedVotes} votes on ${prompts}. Model pairs read as in all turns, so the first-named model may trail here.`;
}

export function FiguresByTurn({ results: r }: { results: StudyResults }) {
  const turns = r.turns;
  const [scope, setScope] = useState<Scope>("all");
  const tabs = useRef(new Map<Scope, HTMLButtonElement | null>());
  if (!turns) return <ModelFigures results={r} sequential={sequentialShown(r)} />;

  const scopes: Scope[] = ["all", ...turns.map((t) => t.turn)];
  const turn = scope === "all" ? undefined : turns.find((t) => t.turn === scope);
  const figures: ChoiceFiguresJson = turn ?? r;
  const select = (to: Scope, focus = false) => {
    setScope(to);
    if (focus) tabs.current.get(to)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = scopes.indexOf(scope);
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: scopes.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(scopes[(to + scopes.length) % scopes.length]!, true);
  };

  return (
    // One region holds the switch and the figures, so the switch stays in view (sticky) while they scroll.
    <section aria-labelledby="turns-heading" className="space-y-4">
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="turns-heading" className="text-lg font-semibold tracking-tight">Figures per turn</h2>
        <p className="mt-1 text-sm text-slate-600">
          Raters judged {turns.length === 1 ? "one turn" : `${turns.length} turns`} of each conversation separately. Choose which votes the figures below describe.
        </p>
      </div>
      <div className="sticky top-0 z-10 -mx-1 bg-slate-50/95 px-1 py-2 backdrop-blur">
        <div role="tablist" aria-label="Turn" onKeyDown={onKeyDown} className="flex flex-wrap gap-1 rounded-lg bg-slate-200 p-1">
          {scopes.map((s) => (
            <button
              key={String(s)}
              ref={(el) => { tabs.current.set(s, el); }}
              id={`turn-tab-${s}`}
              type="button"
              role="tab"
              aria-selected={scope === s}
              aria-controls="turn-panel"
              tabIndex={scope === s ? 0 : -1}
              onClick={() => select(s)}
              className={`min-h-11 flex-1 rounded-md px-3 text-sm font-semibold transition-colors ${
                scope === s ? "bg-white text-slate-900 shadow-sm" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              {s === "all" ? "All turns" : turnLabel(s)}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" id="turn-panel" aria-labelledby={`turn-tab-${scope}`} className="space-y-6">
        <p className="text-sm text-slate-700" data-testid="turn-scope">{scopeNote(r, turn)}</p>
        <ModelFigures results={figures} sequential={sequentialShown(r)} />
        <CategoriesSection categories={figures.categories} />
      </div>
    </section>
  );
}
