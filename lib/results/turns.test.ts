import { describe, expect, it } from "vitest";
import type { TurnAggregates } from "./inputs";
import { emptyTurn, turnsToShow, withExcludedByTurn } from "./turns";

const voted = (turn: number): TurnAggregates => ({
  ...emptyTurn(turn), promptsVoted: 1, patterns: [{ modelA: "m1", modelB: "m2", winsA: 1, winsB: 0, ties: 0, bothBad: 0, pairs: 1 }],
});

describe("the turns shown", () => {
  it("lists every judged turn, voted or not, and any other turn the pairs judge, in order", () => {
    const shown = turnsToShow([2, 1], new Map([[2, voted(2)], [0, voted(0)]]));
    expect(shown.map((t) => [t.turn, t.patterns.length])).toEqual([[0, 1], [1, 0], [2, 1]]);
  });

  it("gives each turn the excluded pairs' tallies of that turn only", () => {
    const row = { modelA: "m1", modelB: "m2", winsA: 2, winsB: 1, ties: 0, bothBad: 0, pairs: 1 };
    const byTurn = withExcludedByTurn(new Map([[1, voted(1)]]), [{ ...row, turn: 1 }, { ...row, winsA: 0, turn: 2 }]);
    expect(byTurn.get(1)!.excludedTallies).toEqual([row]);
    expect(byTurn.get(2)).toMatchObject({ promptsVoted: 0, patterns: [], excludedTallies: [{ ...row, winsA: 0 }] });
  });
});
