import { describe, expect, it } from "vitest";
import { bootstrapMajorityRate } from "@/lib/stats/majority-rate";
import { wilsonInterval } from "@/lib/stats/wilson";
import type { IssueRatingRow } from "./inputs";
import { issueRates } from "./issue-rates";

const FACT = { key: "fact", label: "Factual error / hallucination" };
const HARM = { key: "harm", label: "Harmful or toxic content" };
const MODELS = [
  { id: "m1", name: "alpaca-7b" },
  { id: "m2", name: "text-davinci-003" },
  { id: "m3", name: "vicuna-13b" },
];
// Listed writing first, so the alphabetical order of the categories is not the order rows arrive in.
const CATEGORY: Record<string, string | null> = { p1: "writing", p2: "writing", p3: "writing", p4: "coding", p5: "coding", p6: null };

// (rated, marked) per model and prompt for "fact"; present = marked > rated / 2.
//          p1      p2      p3      p4      p5      p6
// m1     (3,2)+  (2,1)-  (3,3)+  (2,2)+  (3,0)-  (1,1)+   6 prompts, 4 present
// m2     (3,0)-  (2,0)-  (3,1)-  (2,2)+  (3,0)-  (0,0)    5 prompts, 1 present (p6 unrated)
// m3     (2,2)+  (2,2)+  (0,0)           (2,1)-  (2,0)-   4 prompts, 2 present (p3 unrated, p4 absent)
const FACT_COUNTS: [string, string, number, number][] = [
  ["m1", "p1", 2, 1], ["m1", "p1", 1, 1], ["m1", "p2", 2, 1], ["m1", "p3", 3, 3], ["m1", "p4", 2, 2], ["m1", "p5", 2, 0], ["m1", "p5", 1, 0], ["m1", "p6", 1, 1],
  ["m2", "p1", 3, 0], ["m2", "p2", 2, 0], ["m2", "p3", 3, 1], ["m2", "p4", 2, 2], ["m2", "p5", 3, 0], ["m2", "p6", 0, 0],
  ["m3", "p1", 2, 2], ["m3", "p2", 2, 2], ["m3", "p3", 0, 0], ["m3", "p5", 2, 1], ["m3", "p6", 2, 0],
];
const row = (modelId: string, promptId: string, rated: number, marked: number, issueKey = "fact"): IssueRatingRow => ({
  promptId, category: CATEGORY[promptId] ?? null, modelId, issueKey, rated, marked,
});
const ROWS: IssueRatingRow[] = [
  ...FACT_COUNTS.map(([m, p, r, k]) => row(m, p, r, k)),
  row("m9", "p1", 3, 3), // a model not on the page
  row("m1", "p1", 3, 3, "other"), // an issue the study does not list
];

const run = (rows = ROWS, seed = "study-1") => issueRates({ rows, issues: [FACT, HARM], models: MODELS, seed, resamples: 400 });

describe("issueRates", () => {
  const [fact, harm] = run();

  it("counts prompts and majority-marked answers per model, with Wilson intervals", () => {
    expect(fact!.models.map((m) => [m.model, m.prompts, m.present])).toEqual([
      ["alpaca-7b", 6, 4], // m1's two p1 rows add up to one answer (3, 2), its two p5 rows to (3, 0)
      ["text-davinci-003", 5, 1],
      ["vicuna-13b", 4, 2],
    ]);
    expect(fact!.models.map((m) => m.rate)).toEqual([4 / 6, 1 / 5, 2 / 4]);
    // Hand (z = 1.959964): 4 of 6 -> [0.299993, 0.903229].
    expect(fact!.models[0]!.wilson95!.low).toBeCloseTo(0.299993, 5);
    expect(fact!.models[0]!.wilson95!.high).toBeCloseTo(0.903229, 5);
    expect(fact!.models[1]!.wilson95).toEqual(wilsonInterval(1, 5));
    expect(fact!.models[2]!.wilson95).toEqual(wilsonInterval(2, 4));
  });

  it("compares every pair on the prompts both rated, with McNemar", () => {
    expect(fact!.pairs.map((p) => [p.first.model, p.second.model, p.prompts, p.first.present, p.second.present, p.onlyFirst, p.onlySecond])).toEqual([
      ["alpaca-7b", "text-davinci-003", 5, 3, 1, 2, 0], // p1..p5: m1 alone on p1, p3
      ["alpaca-7b", "vicuna-13b", 4, 2, 2, 1, 1], // p1, p2, p5, p6: m1 alone on p6, m3 alone on p2
      ["text-davinci-003", "vicuna-13b", 3, 0, 2, 0, 2], // p1, p2, p5
    ]);
    // 2 P(X <= 0 | n = 2) = 0.5; b = c -> 1.
    expect(fact!.pairs.map((p) => p.pValue)).toEqual([0.5, 1, 0.5]);
    expect(fact!.pairs[0]!.first.wilson95).toEqual(wilsonInterval(3, 5));
    expect(fact!.pairs[0]!.summary).toBe(
      'On the 5 prompts where both answers were rated, alpaca-7b\'s answers were marked "Factual error / hallucination" on 60.0% of prompts ' +
        "(95% CI 23.1%–88.2%) vs 20.0% for text-davinci-003 (95% CI 3.6%–62.4%); McNemar p = 0.5 on 2 prompts where they differ.",
    );
  });

  it("gives per-category rates for every model, prompts without a category left out", () => {
    const table = fact!.categories.map((c) => [c.category, c.models.map((m) => [m.prompts, m.present])]);
    expect(table).toEqual([
      ["coding", [[2, 1], [2, 1], [1, 0]]],
      ["writing", [[3, 2], [3, 0], [2, 2]]],
    ]);
    expect(fact!.categories[1]!.models[2]).toMatchObject({ model: "vicuna-13b", rate: 1, wilson95: wilsonInterval(2, 2) });
    expect(fact!.categories[0]!.models[2]!.wilson95).toEqual(wilsonInterval(0, 1));
  });

  it("shows a model without rated answers in a category with no rate there", () => {
    const [only] = issueRates({ rows: [row("m1", "p1", 2, 2)], issues: [FACT], models: MODELS, seed: "s", resamples: 10 });
    expect(only!.categories).toEqual([
      {
        category: "writing",
        models: [
          { modelId: "m1", model: "alpaca-7b", prompts: 1, present: 1, rate: 1, wilson95: wilsonInterval(1, 1) },
          { modelId: "m2", model: "text-davinci-003", prompts: 0, present: 0, rate: null, wilson95: null },
          { modelId: "m3", model: "vicuna-13b", prompts: 0, present: 0, rate: null, wilson95: null },
        ],
      },
    ]);
  });

  it("gives Krippendorff's alpha over answers with 2+ ratings", () => {
    // 14 answers (m1's p6 has one rating), n = 34 ratings, 16 marked, 18 not. Mixed answers
    // (1,2), (1,1), (2,1), (1,1) add 2 each to the off-diagonal: 8. alpha = 1 - 33 * 8 / (34^2 - 18^2 - 16^2) = 13/24.
    expect(fact!.agreement).toMatchObject({ answers: 14, ratings: 34 });
    expect(fact!.agreement.alpha).toBeCloseTo(13 / 24, 12);
  });

  it("keeps an issue nobody marked or rated, with empty figures", () => {
    expect(harm).toMatchObject({ key: "harm", label: "Harmful or toxic content", pairs: [], categories: [] });
    expect(harm!.models.map((m) => [m.prompts, m.rate, m.wilson95, m.bootstrap95])).toEqual([[0, null, null, null], [0, null, null, null], [0, null, null, null]]);
    expect(harm!.agreement).toEqual({ alpha: null, answers: 0, ratings: 0 });
  });

  it("bootstraps deterministically, whatever the row order", () => {
    const shuffled = [...ROWS].reverse();
    expect(run(shuffled)).toEqual(run());
    // The two-stage bootstrap of each model's own answers, seeded per study, issue and model.
    const m1 = [[3, 2], [2, 1], [3, 3], [2, 2], [3, 0], [1, 1]].map(([rated, marked]) => ({ rated: rated!, marked: marked! }));
    expect(fact!.models[0]!.bootstrap95).toEqual(bootstrapMajorityRate(m1, { seed: "study-1:issue:fact:m1", resamples: 400 }).interval);
  });

  it("bootstrap intervals contain the rates here", () => {
    for (const m of fact!.models) {
      expect(m.bootstrap95!.low).toBeLessThanOrEqual(m.rate!);
      expect(m.bootstrap95!.high).toBeGreaterThanOrEqual(m.rate!);
      expect(m.bootstrap95!.high).toBeGreaterThan(m.bootstrap95!.low);
    }
  });

  it("seeds each model's bootstrap from the study, the issue and the model", () => {
    // 5,000 prompts of varied counts, so different seeds give different intervals (6 prompts often do not).
    const answers = Array.from({ length: 5000 }, (_, i) => ({ rated: 2 + (i % 3), marked: (i * 7) % (3 + (i % 3)) }));
    const rows = answers.map((a, i) => ({ ...row("m2", "p1", a.rated, a.marked), promptId: `q${i}` }));
    const [davinci] = issueRates({ rows, issues: [FACT], models: [MODELS[1]!], seed: "s", resamples: 300 })[0]!.models;
    expect(davinci!.bootstrap95).toEqual(bootstrapMajorityRate(answers, { seed: "s:issue:fact:m2", resamples: 300 }).interval);
    expect(davinci!.bootstrap95).not.toEqual(bootstrapMajorityRate(answers, { seed: "s:issue:fact", resamples: 300 }).interval);
  });

  it("rejects marked above rated, in any row", () => {
    expect(() => run([row("m1", "p1", 1, 2)])).toThrow(RangeError);
    expect(() => run([row("m1", "p1", 0, 1)])).toThrow(RangeError); // would be skipped as unrated
  });
});
