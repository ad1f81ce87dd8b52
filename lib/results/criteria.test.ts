import { describe, expect, it } from "vitest";
import { wilsonInterval } from "@/lib/stats/wilson";
import { assembleResults, type ResultsInput } from "./assemble";
import { disagreementJson } from "./criteria";
import type { CriterionAggregates, PairPatternRow, PromptPatternRow } from "./inputs";

const study: ResultsInput["study"] = {
  id: "s1", name: "S", status: "OPEN", isDemo: false, models: ["m1", "m2", "m3"], pairs: 3, goldPairs: 0, excludedPairs: 0, votesPerPair: 3, minSecondsPerPair: 0,
  leftOutAtCreation: { selfReference: null, identicalOrEmpty: null },
};
const noSides = { leftWins: 0, rightWins: 0, longerWins: 0, shorterWins: 0 };

function pattern(modelA: string, modelB: string, winsA: number, winsB: number, more: Partial<PairPatternRow> = {}): PairPatternRow {
  return { modelA, modelB, winsA, winsB, ties: 0, bothBad: 0, pairs: 1, ...more };
}

/** The ranking's prompts for these rows, as if each pair were a prompt of its own. */
function onePromptPerPair(patterns: PairPatternRow[]): PromptPatternRow[] {
  return patterns.map(({ modelA, modelB, pairs, ...tally }) => ({ votes: [{ a: modelA, b: modelB, ...tally }], prompts: pairs }));
}

function other(key: string, patterns: PairPatternRow[], more: Partial<CriterionAggregates> = {}): CriterionAggregates {
  return {
    key, label: key[0]!.toUpperCase() + key.slice(1), question: "", patterns, promptPatterns: onePromptPerPair(patterns), lengths: [], categories: [],
    sides: noSides, excludedTallies: [], ...more,
  };
}

function input(patterns: PairPatternRow[], criteria?: ResultsInput["criteria"]): ResultsInput {
  return {
    study, excludedRaters: { pseudonyms: [], unknown: [] }, pairOrders: patterns.map((p) => ({ modelA: p.modelA, modelB: p.modelB, pairs: p.pairs })),
    patterns, promptPatterns: onePromptPerPair(patterns), categories: [], sides: noSides, promptsVoted: patterns.length, raters: [], hours: [], judgeRuns: [], judgeRows: [],
    now: new Date(0), criteria,
  };
}

const primary = { key: "overall", label: "Overall", question: "Which is better?" };
const disagreement = { byCriterion: { helpful: { votes: 9, differ: 3 } }, any: { votes: 9, differ: 4 } };

describe("criteria figures", () => {
  it("are absent for a study without criteria", () => {
    expect(assembleResults(input([pattern("m1", "m2", 2, 1)]))).not.toHaveProperty("criteria");
  });

  it("read each criterion with the primary's leader first, even where the other model leads it", () => {
    // Primary: m2 leads m1 (stored m1/m2). Helpful: m1 wins 3 to 1.
    const r = assembleResults(input([pattern("m1", "m2", 1, 2)], { primary, others: [other("helpful", [pattern("m1", "m2", 3, 1)])], disagreement }));
    expect(r.comparisons[0]).toMatchObject({ modelA: "m2", modelB: "m1" });
    const helpful = r.criteria!.others[0]!;
    expect(helpful.comparisons[0]).toMatchObject({ modelA: "m2", modelB: "m1", tally: { winsA: 1, winsB: 3, total: 4 } });
    expect(helpful.comparisons[0]!.winRate.estimate).toBe(0.25);
    // The headline still names its own leader.
    expect(helpful.comparisons[0]!.headline).toBe("m1 wins 3 versus 1 comparisons against m2");
    expect(helpful.comparisons[0]!.winRate.summary).toMatch(/^m1 leads: m2 wins 25\.0% against m1 \(ties as half/);
    // The primary's own sentence is as before: its leader is model A.
    expect(r.comparisons[0]!.winRate.summary).toMatch(/^m2 wins 66\.7% against m1 /);
    expect(r.criteria!.table).toEqual([{
      modelA: "m2", modelB: "m1",
      cells: [
        { key: "overall", estimate: 2 / 3, wilson: wilsonInterval(2, 3), votes: 3 },
        { key: "helpful", estimate: 0.25, wilson: wilsonInterval(1, 4), votes: 4 },
      ],
    }]);
    expect(r.criteria!.list).toEqual([primary, { key: "helpful", label: "Helpful", question: "" }]);
  });

  it("give each criterion its own agreement, biases, categories and excluded-prompt headline", () => {
    const helpful = other("helpful", [pattern("m1", "m2", 2, 0, { pairs: 2 }), pattern("m1", "m2", 1, 1)], {
      sides: { leftWins: 4, rightWins: 1, longerWins: 3, shorterWins: 2 },
      categories: [{ field: "category", value: "math", modelA: "m2", modelB: "m1", winsA: 1, winsB: 0, ties: 1, bothBad: 0, pairs: 1 }],
      excludedTallies: [pattern("m2", "m1", 2, 0)],
    });
    const r = assembleResults(input([pattern("m1", "m2", 2, 0)], { primary, others: [helpful], disagreement }));
    const h = r.criteria!.others[0]!;
    expect(h.agreement).toMatchObject({ items: 3, pairwise: 2 / 3 });
    expect(h.positionBias).toMatchObject({ hits: 4, misses: 1 });
    expect(h.lengthBias).toMatchObject({ hits: 3, misses: 2 });
    expect(h.categories).toEqual([expect.objectContaining({ value: "math", modelA: "m1", modelB: "m2", tally: { winsA: 0, winsB: 1, ties: 1, bothBad: 0, total: 2 } })]);
    expect(h.comparisons[0]!.withExcluded).toMatchObject({ prompts: 1, tally: { winsA: 5, winsB: 3 } });
    expect(h.disagreement).toMatchObject({ votes: 9, differ: 3, rate: 1 / 3, wilson: wilsonInterval(3, 9) });
    expect(r.criteria!.disagreement).toMatchObject({ votes: 9, differ: 4 });
  });

  it("rank 3+ models by Bradley–Terry per criterion, and keep the primary's order of model pairs", () => {
    const primaryRows = [pattern("m1", "m2", 3, 1), pattern("m2", "m3", 3, 1), pattern("m1", "m3", 3, 1)];
    // On harmless the order reverses: m3 beats both, m2 beats m1.
    const harmless = other("harmless", [pattern("m1", "m2", 1, 3), pattern("m2", "m3", 1, 3), pattern("m1", "m3", 1, 3)]);
    const r = assembleResults(input(primaryRows, { primary, others: [harmless], disagreement }));
    expect(r.ranking!.models.map((m) => m.model)).toEqual(["m1", "m2", "m3"]);
    const h = r.criteria!.others[0]!;
    expect(h.ranking!.models.map((m) => m.model)).toEqual(["m3", "m2", "m1"]);
    expect(h.comparisons.map((c) => `${c.modelA}>${c.modelB}`)).toEqual(r.comparisons.map((c) => `${c.modelA}>${c.modelB}`));
    expect(r.criteria!.table.map((row) => row.cells[1]!.estimate)).toEqual([0.25, 0.25, 0.25]);
  });

  it("leave a criterion's cell empty where it has no votes on a model pair", () => {
    const r = assembleResults(input([pattern("m1", "m2", 2, 1), pattern("m1", "m3", 1, 0)], {
      primary, others: [other("helpful", [pattern("m1", "m2", 1, 1)])], disagreement,
    }));
    const row = r.criteria!.table.find((t) => t.modelB === "m3")!;
    expect(row.cells[1]).toEqual({ key: "helpful", estimate: null, wilson: null, votes: 0 });
  });
});

describe("disagreementJson", () => {
  it("says how often a criterion differed from the primary, with a Wilson interval", () => {
    expect(disagreementJson({ votes: 4, differ: 1 }, "Helpful", "Overall")).toEqual({
      votes: 4, differ: 1, rate: 0.25, wilson: wilsonInterval(1, 4),
      summary: expect.stringMatching(/^Helpful differed from Overall in 1 of 4 votes \(25\.0%; 95% CI \d/),
    });
    expect(disagreementJson({ votes: 0, differ: 0 }, "Helpful", "Overall")).toMatchObject({ rate: null, wilson: null, summary: "No votes yet." });
  });
});
