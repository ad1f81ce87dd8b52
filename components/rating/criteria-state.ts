// What the rater chose on each criterion of a pair, and which criterion the vote keys choose on: the
// one focused or clicked last, else the first without a choice. A key's choice moves on to the next
// criterion without one (after the last, it stays), so 1, 2, 1 judges three criteria; nothing is sent
// until the rater submits. Pure, for the rating page's hook (use-criterion-choices.ts) and its tests.
import type { VoteChoice } from "@/lib/rating/limits";

export type CriteriaState = {
  choices: Partial<Record<string, VoteChoice>>;
  /** The criterion focused or clicked last, or the one a key's choice moved on to; null: none yet. */
  pinned: string | null;
};

export const NO_CHOICES: CriteriaState = { choices: {}, pinned: null };

/** The criterion the vote keys choose on now; null only when there are no criteria. */
export function currentCriterion(keys: string[], state: CriteriaState): string | null {
  if (state.pinned !== null && keys.includes(state.pinned)) return state.pinned;
  return keys.find((key) => !state.choices[key]) ?? keys[0] ?? null;
}

/** The criteria still without a choice, in the study's order. */
export function unchosen(keys: string[], state: CriteriaState): string[] {
  return keys.filter((key) => !state.choices[key]);
}

/** The rater moved to a criterion (focus or click): the keys choose there. */
export function pinCriterion(state: CriteriaState, key: string): CriteriaState {
  return state.pinned === key ? state : { ...state, pinned: key };
}

/** A choice clicked or tapped (or moved to with the arrow keys) on `key`: the keys stay on it. */
export function chooseOn(state: CriteriaState, key: string, choice: VoteChoice): CriteriaState {
  return { choices: { ...state.choices, [key]: choice }, pinned: key };
}

/** A vote key's choice on the current criterion, then on to the next without a choice; null: no criteria. */
export function chooseByKey(keys: string[], state: CriteriaState, choice: VoteChoice): { state: CriteriaState; on: string } | null {
  const on = currentCriterion(keys, state);
  if (on === null) return null;
  const choices = { ...state.choices, [on]: choice };
  const at = keys.indexOf(on);
  const after = [...keys.slice(at + 1), ...keys.slice(0, at)];
  return { state: { choices, pinned: after.find((key) => !choices[key]) ?? on }, on };
}

/**
 * The vote body's choices: the primary (first) criterion's as `choice`, every other one's by key in
 * `criteria`; null while any is missing.
 */
export function choicesForVote(keys: string[], state: CriteriaState): { choice: VoteChoice; criteria: Record<string, VoteChoice> } | null {
  const [primary, ...others] = keys;
  const choice = primary === undefined ? undefined : state.choices[primary];
  if (!choice || unchosen(keys, state).length > 0) return null;
  return { choice, criteria: Object.fromEntries(others.map((key) => [key, state.choices[key]!])) };
}
