// Voting on a study's several criteria: a radio group per criterion after the answers, the rationale,
// and a bar at the bottom with the status line and "Submit judgments", enabled once every criterion
// has a choice. Nothing is sent before that press (or Enter); the gating is the single vote's.
"use client";

import { type ReactNode, type Ref, useRef } from "react";
import type { RatingOptions } from "@/lib/rating/types";
import { CriteriaPanel } from "./criteria-panel";
import { shortChoiceLabel } from "./criteria-text";
import type { OfferedChoice } from "./rating-text";
import { type CriteriaSubmission, useCriterionChoices } from "./use-criterion-choices";
import type { VoteGate } from "./use-vote-gate";
import { VoteBarFrame } from "./vote-bar";

export type CriteriaVoteProps = {
  criteria: RatingOptions["criteria"];
  /** The study's choices, with their keys. */
  offered: OfferedChoice[];
  /** Whether choices count now (use-vote-gate.ts), as for the single vote. */
  gate: VoteGate;
  wide: boolean;
  busy: boolean;
  error: string | null;
  confirmation?: ReactNode;
  /** The rationale box, between the criteria and the bar. */
  rationale: ReactNode;
  onSubmit: (vote: CriteriaSubmission) => void;
  onAnnounce: (text: string) => void;
  barRef?: Ref<HTMLDivElement>;
};

export function CriteriaVote({ criteria, offered, gate, wide, busy, error, confirmation, rationale, onSubmit, onAnnounce, barRef }: CriteriaVoteProps) {
  const panel = useRef<HTMLElement>(null);
  const judging = useCriterionChoices({ criteria, offered, gate, busy, panel, onSubmit, onAnnounce });
  const chosen = criteria.length - judging.missing.length;
  const currentLabel = criteria.find((c) => c.key === judging.current)?.label ?? "";
  const keys = offered.map((c) => `${c.key} ${shortChoiceLabel(c.choice)}`).join(" · ");
  const complete = judging.missing.length === 0;

  // Wide screens (a keyboard is likely, the criteria may be below the fold): every criterion's choice,
  // the marked one underlined, and the keys. Phones: how many are chosen.
  let status: ReactNode = gate.blocked;
  if (!status && wide) {
    status = (
      <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {criteria.map((c) => {
          const choice = judging.choices[c.key];
          return (
            <span key={c.key} className={c.key === judging.current ? "font-semibold text-brand-700 underline decoration-2 underline-offset-4" : "text-slate-700"}>
              {c.label}: {choice ? shortChoiceLabel(choice) : "—"}
            </span>
          );
        })}
        <span>{complete ? `Enter submits · keys ${keys} change ${currentLabel}` : `Keys ${keys} choose on ${currentLabel}`}</span>
      </span>
    );
  } else if (!status) {
    status = complete ? `All ${criteria.length} chosen.` : `Choose on every criterion to submit: ${chosen} of ${criteria.length} chosen.`;
  }
  const disabled = !!gate.blocked || !complete;

  return (
    <>
      <CriteriaPanel
        ref={panel}
        criteria={criteria}
        offered={offered}
        choices={judging.choices}
        current={judging.current}
        missing={judging.showMissing ? judging.missing : []}
        blocked={!!gate.blocked}
        showKeys={wide}
        onPin={judging.pin}
        onChoose={judging.choose}
      />
      {rationale}
      <VoteBarFrame ref={barRef} confirmation={confirmation} status={status} blocked={!!gate.blocked} nudged={!!gate.nudged} error={error}>
        <button
          type="button"
          data-submit-judgments=""
          data-choice="SUBMIT"
          aria-disabled={disabled || undefined}
          aria-describedby={disabled ? "vote-status" : undefined}
          aria-keyshortcuts="Enter"
          onClick={judging.submit}
          className="inline-flex min-h-11 items-center justify-center gap-2 rounded-md bg-brand-600 px-5 py-2 text-sm font-medium text-white transition-colors hover:bg-brand-700 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 aria-disabled:hover:bg-brand-600 md:shrink-0"
        >
          Submit judgments
          {wide && <kbd className="rounded border border-current/40 px-1.5 font-mono text-xs" aria-hidden="true">Enter</kbd>}
        </button>
      </VoteBarFrame>
    </>
  );
}
