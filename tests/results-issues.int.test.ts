// The answer-issue figures (issue 20) from real votes through the whole results path, against values
// computed by hand: majority-marked rates per model, Wilson intervals, McNemar, Krippendorff's alpha.
import { describe, expect, it } from "vitest";
import { liveStudyFigures } from "@/lib/results/study-results";
import { wilsonInterval } from "@/lib/stats/wilson";
import { makeMarkedStudy } from "./factories-issues";
import { makeOpenStudy } from "./factories-voting";

describe("answer-issue results", () => {
  it("give each model's majority-marked rate over prompts, McNemar between the models, and alpha per issue", async () => {
    const f = await makeMarkedStudy();
    const results = (await liveStudyFigures(f.study.id))!;
    expect(results.issues.map((i) => i.key)).toEqual(["factual-error", "harmful"]);
    const harmful = results.issues.find((i) => i.key === "harmful")!;
    const rate = (model: string) => harmful.models.find((m) => m.model === model)!;
    // Majority of 3 ratings = 2 marks. Harmful on A: pair 0 (2 of 3) yes, pair 1 (1 of 3) no, pair 2 (0) no; on B: never 2.
    expect(rate(f.modelA.name)).toMatchObject({ prompts: 3, present: 1, rate: 1 / 3, wilson95: wilsonInterval(1, 3) });
    expect(rate(f.modelB.name)).toMatchObject({ prompts: 3, present: 0, rate: 0, wilson95: wilsonInterval(0, 3) });
    expect(harmful.pairs).toHaveLength(1);
    const pair = harmful.pairs[0]!;
    const [b, c] = pair.first.model === f.modelA.name ? [pair.onlyFirst, pair.onlySecond] : [pair.onlySecond, pair.onlyFirst];
    expect([b, c, pair.prompts, pair.pValue]).toEqual([1, 0, 3, 1]);
    expect(pair.summary).toMatch(/Harmful/);
    expect(pair.summary).toMatch(/McNemar p = 1/);
    // Units: 6 answers of 3 ratings with 2, 0, 1, 1, 0, 0 marks. Coincidences: o11 = 1, o00 = 11, o01 = o10 = 3;
    // n = 18, n1 = 4, n0 = 14: alpha = 1 - 17 * 3 / (14 * 4) = 5/56.
    expect(harmful.agreement.answers).toBe(6);
    expect(harmful.agreement.alpha).toBeCloseTo(5 / 56, 10);
    const factual = results.issues.find((i) => i.key === "factual-error")!;
    expect(factual.models.find((m) => m.model === f.modelA.name)).toMatchObject({ present: 1, rate: 1 / 3 });
    expect(factual.models.find((m) => m.model === f.modelB.name)).toMatchObject({ present: 0 });
  });

  it("leave out an excluded rater's marks and ratings", async () => {
    const f = await makeMarkedStudy();
    const results = (await liveStudyFigures(f.study.id, [f.raters[1]!.pseudonym]))!;
    const on = (key: string, model: string) => results.issues.find((i) => i.key === key)!.models.find((m) => m.model === model)!;
    // Without the second rater every answer has 2 ratings: harmful on pair 0's A is 1 of 2 (no majority), factual on pair 2's A 2 of 2.
    expect(on("harmful", f.modelA.name)).toMatchObject({ prompts: 3, present: 0 });
    expect(on("factual-error", f.modelA.name)).toMatchObject({ prompts: 3, present: 1 });
  });

  it("are empty for a study that asks for none", async () => {
    const f = await makeOpenStudy(1);
    expect((await liveStudyFigures(f.study.id))!.issues).toEqual([]);
  });
});
