// The rater's choices on a pair's criteria (criteria-state.ts) and their keys: a vote key chooses on
// the marked criterion and moves on, Enter submits once every criterion has a choice (never the last
// key by itself). Held by the pair's criteria screen, so a new pair (or an undone vote) starts with none.
"use client";

import { type RefObject, useCallback, useState } from "react";
import type { RatingOptions } from "@/lib/rating/types";
import type { VoteChoice } from "@/lib/rating/limits";
import { chooseByKey, chooseOn, choicesForVote, currentCriterion, NO_CHOICES, pinCriterion, unchosen } from "./criteria-state";
import { judgmentsText, shortChoiceLabel } from "./criteria-text";
import type { OfferedChoice } from "./rating-text";
import { useShortcuts } from "./shortcuts";
import type { VoteGate } from "./use-vote-gate";
import { listed } from "@/lib/text/listed";

export type Criterion = RatingOptions["criteria"][number];

/** The vote on every criterion, and how the confirmation says it ("Overall: A, Helpful: B"). */
export type CriteriaSubmission = { choice: VoteChoice; criteria: Record<string, VoteChoice>; judged: string };

export type CriterionChoicesOptions = {
  criteria: Criterion[];
  offered: OfferedChoice[];
  gate: VoteGate;
  busy: boolean;
  /** The radio groups: a key's choice moves focus on with the mark when focus is among them. */
  panel: RefObject<HTMLElement | null>;
  onSubmit: (vote: CriteriaSubmission) => void;
  /** Says a key's choice in the page's live region (a click is heard on the radio itself). */
  onAnnounce: (text: string) => void;
};

/** Focuses a criterion's checked radio (or its first): where Tab would land in that group. */
function focusCriterion(panel: HTMLElement | null, key: string) {
  const group = panel?.querySelector(`[data-criterion="${CSS.escape(key)}"]`);
  group?.querySelector<HTMLInputElement>("input:checked, input")?.focus();
}

// Enter on another control (a button, a link, the A | B switch) keeps its own meaning.
const ownsEnter = (target: EventTarget | null) =>
  target instanceof Element && !!target.closest("button:not([data-submit-judgments]), a[href], [role='tab'], summary");

export function useCriterionChoices({ criteria, offered, gate, busy, panel, onSubmit, onAnnounce }: CriterionChoicesOptions) {
  const [state, setState] = useState(NO_CHOICES);
  // After a submit refused for a missing choice, the missing criteria say so.
  const [showMissing, setShowMissing] = useState(false);
  const keys = criteria.map((c) => c.key);
  const labelOf = (key: string) => criteria.find((c) => c.key === key)?.label ?? key;
  const missing = unchosen(keys, state);

  const pin = useCallback((key: string) => setState((s) => pinCriterion(s, key)), []);

  function choose(key: string, choice: VoteChoice) {
    if (busy) return;
    if (gate.blocked) gate.refuse();
    else setState((s) => chooseOn(s, key, choice));
  }

  function submit(focusMissing: boolean) {
    if (busy) return;
    if (gate.blocked) return gate.refuse();
    const vote = choicesForVote(keys, state);
    if (vote) return onSubmit({ ...vote, judged: judgmentsText(criteria, state.choices) });
    setShowMissing(true);
    gate.refuse(`Choose on ${listed(missing.map(labelOf))} to submit.`);
    if (focusMissing && missing[0]) focusCriterion(panel.current, missing[0]);
  }

  useShortcuts((key, event) => {
    if (keys.length === 0) return false;
    if (key === "Enter") {
      if (ownsEnter(event.target)) return false;
      submit(false);
      return true;
    }
    const match = offered.find((c) => c.key === key);
    if (!match) return false;
    if (busy) return true;
    if (gate.blocked) {
      gate.refuse();
      return true;
    }
    const step = chooseByKey(keys, state, match.choice);
    if (!step) return false;
    setState(step.state);
    const next = currentCriterion(keys, step.state);
    const done = unchosen(keys, step.state).length === 0;
    onAnnounce(`${labelOf(step.on)}: ${shortChoiceLabel(match.choice)}. ${done ? "All chosen: press Enter to submit." : `Now ${labelOf(next!)}.`}`);
    if (next && next !== step.on && panel.current?.contains(document.activeElement)) focusCriterion(panel.current, next);
    return true;
  });

  return {
    choices: state.choices,
    current: currentCriterion(keys, state),
    missing,
    showMissing,
    pin,
    choose,
    /** The submit button's press: a refusal for a missing choice takes focus to it. */
    submit: () => submit(true),
  };
}
