import { describe, expect, it } from "vitest";
import { assembleResults, type ResultsInput } from "./assemble";
import type { CategoryCountRow, PairPatternRow } from "./inputs";
import { orientationFrom } from "./orientation";
import { overTimeJson } from "./over-time";

const study: ResultsInput["study"] = {
  id: "s1", name: "S", status: "OPEN", isDemo: false, models: ["m1", "m2"], pairs: 2, goldPairs: 0, excludedPairs: 0, votesPerPair: 3, minSecondsPerPair: 0,
  leftOutAtCreation: { selfReference: null, identicalOrEmpty: null },
};

function pattern(overrides: Partial<PairPatternRow>): PairPatternRow {
  return { modelA: "m1", modelB: "m2", winsA: 0, winsB: 0, ties: 0, bothBad: 0, pairs: 1, ...overrides };
}

function input(patterns: PairPatternRow[], more: Partial<ResultsInput> = {}): ResultsInput {
  return {
    study, excludedRaters: { pseudonyms: [], unknown: [] }, pairOrders: [{ modelA: "m1", modelB: "m2", pairs: 2 }], patterns, promptPatterns: [], categories: [],
    sides: { leftWins: 0, rightWins: 0, longerWins: 0, shorterWins: 0 }, promptsVoted: patterns.reduce((n, p) => n + p.pairs, 0),
    raters: [], hours: [], judgeRuns: [], judgeRows: [], now: new Date(0), ...more,
  };
}

describe("assembleResults", () => {
  it("gives honest empties for a study without votes", () => {
    const r = assembleResults(input([]));
    expect(r.comparisons).toEqual([]);
    expect(r.agreement).toMatchObject({ fleissKappa: null, items: 0, pairwise: null });
    expect(r.positionBias).toMatchObject({ share: null, pValue: 1 });
    expect(r.ranking).toBeNull();
    expect(r.overTime).toEqual({ bucket: "hour", points: [] });
  });

  it("folds pairs stored in the other order into the study's orientation", () => {
    // Pair 2 stores m2 as output A: its 2 A-wins are m2 wins.
    const r = assembleResults(input([pattern({ winsA: 3 }), pattern({ modelA: "m2", modelB: "m1", winsA: 2, ties: 1 })]));
    expect(r.comparisons[0]).toMatchObject({ modelA: "m1", modelB: "m2", tally: { winsA: 3, winsB: 2, ties: 1, bothBad: 0, total: 6 } });
    expect(r.comparisons[0]!.prompts).toMatchObject({ winsA: 1, winsB: 1, ties: 0 });
  });

  it("counts a pattern shared by several pairs once per pair, in every figure", () => {
    const shared = assembleResults(input([pattern({ winsA: 2, winsB: 1, pairs: 3 }), pattern({ winsB: 2, pairs: 1 })]));
    const listed = assembleResults(input([...[1, 2, 3].map(() => pattern({ winsA: 2, winsB: 1 })), pattern({ winsB: 2 })]));
    expect(shared.comparisons[0]!.tally).toEqual({ winsA: 6, winsB: 5, ties: 0, bothBad: 0, total: 11 });
    expect(shared.comparisons[0]!.prompts).toMatchObject({ voted: 4, winsA: 3, winsB: 1 });
    expect(shared.agreement.items).toBe(4);
    expect(shared.comparisons).toEqual(listed.comparisons);
    expect(shared.agreement).toEqual(listed.agreement);
  });

  it("orients categories like their comparison and adds up their prompts", () => {
    const categories: CategoryCountRow[] = [
      { field: "category", value: "math", modelA: "m1", modelB: "m2", winsA: 3, winsB: 1, ties: 0, bothBad: 0, pairs: 2 },
      { field: "category", value: "math", modelA: "m2", modelB: "m1", winsA: 1, winsB: 0, ties: 2, bothBad: 0, pairs: 1 },
    ];
    const r = assembleResults(input([pattern({ winsA: 1 })], { categories }));
    expect(r.categories).toEqual([expect.objectContaining({
      field: "category", value: "math", modelA: "m1", modelB: "m2", prompts: 3, tally: { winsA: 3, winsB: 2, ties: 2, bothBad: 0, total: 7 },
    })]);
  });
});

describe("leader first", () => {
  it("puts the model with more wins first in every figure, the header's model list and the verdict", () => {
    // Canonical order m1/m2 (every pair), but m2 wins 29 to 21: m2 becomes model A everywhere.
    const categories: CategoryCountRow[] = [{ field: "category", value: "math", modelA: "m1", modelB: "m2", winsA: 5, winsB: 1, ties: 0, bothBad: 0, pairs: 2 }];
    const r = assembleResults(input([pattern({ winsA: 21, winsB: 29, ties: 4 })], { study: { ...study, models: ["m1", "m2"] }, categories }));
    const c = r.comparisons[0]!;
    expect(c).toMatchObject({ modelA: "m2", modelB: "m1", tally: { winsA: 29, winsB: 21, ties: 4, bothBad: 0, total: 54 } });
    expect(c.headline).toBe("m2 wins 29 versus 21 comparisons against m1 (with 4 ties)");
    expect(c.winRate.estimate).toBeCloseTo(31 / 54, 12); // the same figure as m1's 23/54, from the leader's side
    expect(c.winRate.summary).toMatch(/^m2 wins 57\.4% against m1 /);
    expect(r.study.models).toEqual(["m2", "m1"]);
    // Categories follow their comparison's order (not their own leader): m2 won 1 of them.
    expect(r.categories[0]).toMatchObject({ modelA: "m2", modelB: "m1", tally: { winsA: 1, winsB: 5 } });
  });

  it("keeps the canonical order in a dead heat and says so", () => {
    const r = assembleResults(input([pattern({ modelA: "m2", modelB: "m1", winsA: 3, winsB: 3, ties: 1 })], { pairOrders: [{ modelA: "m2", modelB: "m1", pairs: 1 }] }));
    expect(r.comparisons[0]).toMatchObject({ modelA: "m2", modelB: "m1" });
    expect(r.comparisons[0]!.headline).toBe("Dead heat: m2 wins 3 versus 3 comparisons against m1 (with 1 tie)");
    expect(r.comparisons[0]!.winRate.summary).toMatch(/^Dead heat: m2 and m1 each win 50\.0% /);
  });
});

describe("headline with the excluded prompts", () => {
  it("adds the excluded pairs' votes in the comparison's model order, the sentence naming its own leader", () => {
    // Counted: m1 leads 5 to 3. Excluded (one pair stored m2/m1, one m1/m2): m2 +5 +1, m1 +0 +1, 2 ties -> m2 leads 9 to 6.
    const excludedTallies: PairPatternRow[] = [
      pattern({ modelA: "m2", modelB: "m1", winsA: 5, ties: 2, pairs: 1 }),
      pattern({ winsA: 1, winsB: 1, bothBad: 1, pairs: 1 }),
    ];
    const r = assembleResults(input([pattern({ winsA: 5, winsB: 3, ties: 1 })], { excludedTallies }));
    const c = r.comparisons[0]!;
    expect(c).toMatchObject({ modelA: "m1", modelB: "m2", tally: { winsA: 5, winsB: 3, ties: 1, total: 9 } });
    expect(c.headline).toBe("m1 wins 5 versus 3 comparisons against m2 (with 1 tie)");
    expect(c.withExcluded).toEqual({
      prompts: 2,
      tally: { winsA: 6, winsB: 9, ties: 3, bothBad: 1, total: 19 },
      headline: "With the 2 excluded prompts: m2 wins 9 versus 6 comparisons against m1 (with 3 ties and 1 both bad)",
    });
    // The excluded votes are in no other figure.
    expect(c.winRate.estimate).toBeCloseTo(5.5 / 9, 12);
    expect(c.prompts).toMatchObject({ voted: 1, winsA: 1 });
  });

  it("is null when no excluded prompt has votes, and per comparison", () => {
    expect(assembleResults(input([pattern({ winsA: 2 })])).comparisons[0]!.withExcluded).toBeNull();
    expect(assembleResults(input([pattern({ winsA: 2 })], { excludedTallies: [] })).comparisons[0]!.withExcluded).toBeNull();
    // Excluded votes of another model pair leave this comparison's alone (a comparison only excluded pairs have gets none).
    const other = assembleResults(input([pattern({ winsA: 2 })], { excludedTallies: [pattern({ modelA: "m1", modelB: "m3", winsA: 1 })] }));
    expect(other.comparisons).toHaveLength(1);
    expect(other.comparisons[0]!.withExcluded).toBeNull();
    // One excluded prompt reads in the singular.
    const one = assembleResults(input([pattern({ winsA: 2 })], { excludedTallies: [pattern({ winsB: 1 })] }));
    expect(one.comparisons[0]!.withExcluded!.headline).toBe("With the excluded prompt: m1 wins 2 versus 1 comparisons against m2");
  });
});

describe("orientationFrom", () => {
  it("uses the order most pairs use, alphabetical on a tie", () => {
    const orient = orientationFrom([{ modelA: "zeta", modelB: "alpha", pairs: 3 }, { modelA: "alpha", modelB: "zeta", pairs: 1 }]);
    expect(orient("alpha", "zeta")).toMatchObject({ modelA: "zeta", modelB: "alpha", flipped: true });
    expect(orientationFrom([])("b", "a")).toMatchObject({ modelA: "a", flipped: true });
  });
});

describe("overTimeJson", () => {
  it("keeps hours over a short span and folds into days beyond three days", () => {
    const h = (iso: string, votes: number) => ({ hour: new Date(iso), votes });
    expect(overTimeJson([h("2026-01-01T10:00:00Z", 2), h("2026-01-02T10:00:00Z", 3)]).bucket).toBe("hour");
    expect(overTimeJson([h("2026-01-01T10:00:00Z", 2), h("2026-01-01T22:00:00Z", 1), h("2026-01-09T10:00:00Z", 3)])).toEqual({
      bucket: "day",
      points: [{ start: "2026-01-01T00:00:00.000Z", votes: 3 }, { start: "2026-01-09T00:00:00.000Z", votes: 3 }],
    });
  });
});
