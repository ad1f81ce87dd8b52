// The figures per judged turn of a conversation study (issue 21): each turn's votes give every figure the
// study's own do, made by the same functions and read in the study's orientation, so a model pair reads
// the same way on every turn. Pure: no database.
import { choiceFigures, type PrimaryContext } from "./choice-figures";
import type { ExcludedTallyRow, TurnAggregates } from "./inputs";
import type { TurnFiguresJson } from "./types";

export function turnFigures(a: TurnAggregates, ctx: PrimaryContext): TurnFiguresJson {
  const figures = choiceFigures(a, ctx, `${ctx.seed}:turn-${a.turn}`);
  return {
    turn: a.turn,
    totals: { comparedVotes: figures.comparisons.reduce((sum, c) => sum + c.tally.total, 0), promptsVoted: a.promptsVoted },
    ...figures,
  };
}

/**
 * The turns to show: the study's judged turns, with or without votes yet, and any other turn its pairs
 * judge (turn 0, a prompt judged whole), in turn order; each with its rows or empty ones.
 */
export function turnsToShow(judged: readonly number[], byTurn: ReadonlyMap<number, TurnAggregates>): TurnAggregates[] {
  const turns = [...new Set([...judged, ...byTurn.keys()])].sort((x, y) => x - y);
  return turns.map((turn) => byTurn.get(turn) ?? emptyTurn(turn));
}

export function emptyTurn(turn: number): TurnAggregates {
  return {
    turn, patterns: [], promptPatterns: [], lengths: [], categories: [], excludedTallies: [], promptsVoted: 0,
    sides: { leftWins: 0, rightWins: 0, longerWins: 0, shorterWins: 0 },
  };
}

/** Each turn's rows with the excluded pairs' tallies of that turn (rows of a turn without counted pairs get one). */
export function withExcludedByTurn(
  byTurn: ReadonlyMap<number, TurnAggregates>, excluded: readonly (ExcludedTallyRow & { turn: number })[],
): Map<number, TurnAggregates> {
  const out = new Map([...byTurn].map(([turn, t]) => [turn, { ...t, excludedTallies: [] as ExcludedTallyRow[] }] as const));
  for (const { turn, ...row } of excluded) {
    let t = out.get(turn);
    if (!t) out.set(turn, (t = emptyTurn(turn)));
    t.excludedTallies.push(row);
  }
  return out;
}
