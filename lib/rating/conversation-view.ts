// A leased pair as the rater sees it (issue 21): the two answers judged, left and right as shown, and
// for a conversation what comes before them. Pure: the server renders each answer's text with `render`.
import type { ServedConversation, ServedTurn } from "./types";

/** What the lease reads of a pair: its prompt's turns, each output's turns and text, the judged turn, the sides. */
export type PairTexts = {
  /** The prompt's user turns; empty for a single instruction. */
  userTurns: string[];
  /** The system prompt when the study shows it, else null. */
  system: string | null;
  turnsA: string[];
  turnsB: string[];
  textA: string;
  textB: string;
  /** Pair.turn: 0 the whole conversation, k >= 1 turn k. */
  turn: number;
  leftIsA: boolean;
};

export type PairShown<A> = { left: A; right: A; conversation?: ServedConversation<A> };

/**
 * The judged answers and the conversation before them. Turn k shows turns 1..k and judges k; the whole
 * conversation shows every turn, its last as `left`/`right`. Earlier turns the two models share are
 * shown once. A single instruction, or a one-turn conversation without a system prompt to show, is
 * served as a single answer is.
 */
export function pairShown<A>(texts: PairTexts, render: (text: string) => A): PairShown<A> {
  const { userTurns, turnsA, turnsB, leftIsA } = texts;
  const system = texts.system?.trim() ? texts.system : null;
  const count = userTurns.length;
  if (count === 0 || (count === 1 && system === null)) {
    const sides = orient(leftIsA, texts.textA, texts.textB);
    return { left: render(sides.left), right: render(sides.right) };
  }
  const judged = texts.turn === 0 ? count : Math.min(texts.turn, count);
  const answer = (turns: string[], text: string) => turns[judged - 1] ?? text;
  const sides = orient(leftIsA, answer(turnsA, texts.textA), answer(turnsB, texts.textB));
  const earlier = userTurns.slice(0, judged - 1).map((user, i) => turnShown(user, turnsA[i] ?? "", turnsB[i] ?? "", leftIsA, render));
  const conversation: ServedConversation<A> = {
    ...(system !== null ? { system } : {}),
    earlier,
    user: userTurns[judged - 1]!,
    turn: judged,
    turns: count,
    whole: texts.turn === 0,
  };
  return { left: render(sides.left), right: render(sides.right), conversation };
}

/** The two sides as shown: A on the left when leftIsA (as lib/rater-api/orient.ts, kept here so this folder stays pure). */
function orient<T>(leftIsA: boolean, a: T, b: T): { left: T; right: T } {
  return leftIsA ? { left: a, right: b } : { left: b, right: a };
}

function turnShown<A>(user: string, a: string, b: string, leftIsA: boolean, render: (text: string) => A): ServedTurn<A> {
  if (a === b) return { user, same: render(a) };
  const sides = orient(leftIsA, a, b);
  return { user, left: render(sides.left), right: render(sides.right) };
}
