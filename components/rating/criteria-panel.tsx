// The pair's criteria as radio groups, after the answers (not in the bar at the bottom: three rows of
// choices would cover them). Each group is named by its criterion and described by its question; the
// choices are named by side only ("A", "B", "Tie", "Both bad"). The criterion the vote keys choose on
// is marked, with its keys on wide screens.
"use client";

import type { Ref } from "react";
import type { VoteChoice } from "@/lib/rating/limits";
import type { OfferedChoice } from "./rating-text";
import { shortChoiceLabel } from "./criteria-text";
import type { Criterion } from "./use-criterion-choices";

export type CriteriaPanelProps = {
  criteria: Criterion[];
  offered: OfferedChoice[];
  choices: Partial<Record<string, VoteChoice>>;
  /** The criterion the vote keys choose on. */
  current: string | null;
  /** Criteria left without a choice, marked once a submit was refused for them. */
  missing: string[];
  /** Why choices do not count yet (the status line says it; the radios point there). */
  blocked: boolean;
  /** Show the vote keys (a keyboard is likely: the wide layout). */
  showKeys: boolean;
  onPin: (key: string) => void;
  onChoose: (key: string, choice: VoteChoice) => void;
  ref?: Ref<HTMLElement>;
};

export function CriteriaPanel({ criteria, offered, choices, current, missing, blocked, showKeys, onPin, onChoose, ref }: CriteriaPanelProps) {
  return (
    <section ref={ref} aria-labelledby="criteria-heading" className="mt-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="criteria-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        Your judgment
      </h2>
      <p className="mt-1 text-sm text-slate-600">Choose on each of the {criteria.length} criteria, then submit.</p>
      <div className="mt-3 space-y-3">
        {criteria.map((criterion) => (
          <CriterionGroup
            key={criterion.key}
            criterion={criterion}
            offered={offered}
            chosen={choices[criterion.key]}
            isCurrent={current === criterion.key}
            isMissing={missing.includes(criterion.key)}
            blocked={blocked}
            showKeys={showKeys}
            onPin={() => onPin(criterion.key)}
            onChoose={(choice) => onChoose(criterion.key, choice)}
          />
        ))}
      </div>
    </section>
  );
}

type CriterionGroupProps = {
  criterion: Criterion;
  offered: OfferedChoice[];
  chosen: VoteChoice | undefined;
  isCurrent: boolean;
  isMissing: boolean;
  blocked: boolean;
  showKeys: boolean;
  onPin: () => void;
  onChoose: (choice: VoteChoice) => void;
};

function CriterionGroup({ criterion, offered, chosen, isCurrent, isMissing, blocked, showKeys, onPin, onChoose }: CriterionGroupProps) {
  const id = `criterion-${criterion.key}`;
  const describedBy = [criterion.question && `${id}-question`, isMissing && `${id}-missing`, blocked && "vote-status"].filter(Boolean).join(" ");
  return (
    <div
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy || undefined}
      data-criterion={criterion.key}
      data-current={isCurrent || undefined}
      onFocus={onPin}
      onClick={onPin}
      className={`scroll-mb-36 rounded-md border p-3 transition-colors md:flex md:items-center md:justify-between md:gap-4 ${
        isCurrent ? "border-brand-600 bg-brand-50 shadow-[inset_4px_0_0_var(--color-brand-600)]" : "border-slate-200"
      }`}
    >
      <div className="min-w-0">
        <p id={`${id}-label`} className="font-medium text-slate-900">
          {criterion.label}
          {showKeys && <span className={`ml-2 text-xs font-normal text-brand-700 ${isCurrent ? "" : "invisible"}`} aria-hidden="true">keys choose here</span>}
        </p>
        {criterion.question && <p id={`${id}-question`} className="text-sm text-slate-600">{criterion.question}</p>}
        {isMissing && <p id={`${id}-missing`} className="text-sm font-medium text-amber-900">Not chosen yet</p>}
      </div>
      <div className="mt-2 grid gap-2 md:mt-0 md:flex md:shrink-0" style={{ gridTemplateColumns: `repeat(${offered.length}, minmax(0, 1fr))` }}>
        {offered.map((option) => {
          const on = chosen === option.choice;
          return (
            <label
              key={option.choice}
              className={`flex min-h-11 select-none items-center justify-center gap-1.5 rounded-md border px-2 text-center text-sm leading-tight font-medium md:gap-2 md:px-3 transition-colors md:min-w-20 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
                on ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
              } ${blocked ? "cursor-not-allowed opacity-50" : "cursor-pointer"}`}
            >
              <input
                type="radio"
                name={id}
                value={option.choice}
                checked={on}
                onChange={() => onChoose(option.choice)}
                aria-disabled={blocked || undefined}
                aria-keyshortcuts={isCurrent ? option.key : undefined}
                // The whole box shows the focus ring (has-[:focus-visible]); the page's global ring would double it.
                style={{ outline: "none" }}
                className="h-4 w-4 shrink-0 accent-white"
              />
              {shortChoiceLabel(option.choice)}
              {/* Kept in the layout when not current (only hidden): a press on another criterion marks it current
                  on mousedown, and a key hint appearing then would move the option from under the pointer, so
                  the click would land elsewhere and choose nothing. */}
              {showKeys && (
                <kbd aria-hidden="true" className={`rounded border border-current/40 px-1.5 font-mono text-xs ${isCurrent ? "" : "invisible"}`}>{option.key}</kbd>
              )}
            </label>
          );
        })}
      </div>
    </div>
  );
}
