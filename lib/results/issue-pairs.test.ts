import { describe, expect, it } from "vitest";
import { groupIssueAnswers, type IssueAnswers } from "./issue-answers";
import { issuePairs } from "./issue-pairs";

const A = { id: "a", name: "alpaca-7b" };
const B = { id: "b", name: "text-davinci-003" };
const C = { id: "c", name: "vicuna-13b" };

/** Each model's answers as "+" (3 of 3 marked) or "-" (0 of 3) per prompt p0, p1, ...; " " = not rated. */
function answers(byModel: Record<string, string>): IssueAnswers {
  const rows = Object.entries(byModel).flatMap(([modelId, marks]) =>
    [...marks].map((m, i) => ({ promptId: `p${i}`, category: null, modelId, issueKey: "x", rated: m === " " ? 0 : 3, marked: m === "+" ? 3 : 0 })),
  );
  return groupIssueAnswers(rows, ["x"], Object.keys(byModel)).get("x")!;
}

describe("issuePairs", () => {
  it("says nothing about scope when both models were rated on the same prompts", () => {
    const [pair] = issuePairs("Refusal or evasion", [A, B], answers({ a: "++--", b: "+---" }));
    expect(pair!.summary).toBe(
      'alpaca-7b\'s answers were marked "Refusal or evasion" on 50.0% of prompts (95% CI 15.0%–85.0%) ' +
        "vs 25.0% for text-davinci-003 (95% CI 4.6%–69.9%); McNemar p = 1 on 1 prompt where they differ.",
    );
  });

  it("names the shared prompts when either model was rated on more", () => {
    const [pair] = issuePairs("x", [A, B], answers({ a: "+-", b: "+--" }));
    expect(pair!.summary).toMatch(/^On the 2 prompts where both answers were rated, alpaca-7b's answers/);
  });

  it("says when the two never differ", () => {
    const [pair] = issuePairs("Refusal or evasion", [A, B], answers({ a: "+-", b: "+-" }));
    expect(pair).toMatchObject({ prompts: 2, onlyFirst: 0, onlySecond: 0, pValue: 1 });
    expect(pair!.summary).toMatch(/; the two agree on all 2 prompts, so McNemar's test has nothing to weigh\.$/);
    const [one] = issuePairs("x", [A, B], answers({ a: "+ ", b: "++" }));
    expect(one!.summary).toMatch(/^On the one prompt where both answers were rated, .*; the two agree on the one prompt, so/);
  });

  it("prints small p-values as p < 0.001", () => {
    // b = 0, c = 12: 2 / 4096 = 0.000488.
    const [pair] = issuePairs("x", [A, B], answers({ a: "-".repeat(12), b: "+".repeat(12) }));
    expect(pair!.pValue).toBeCloseTo(2 / 4096, 12);
    expect(pair!.summary).toMatch(/McNemar p < 0\.001 on 12 prompts where they differ\.$/);
  });

  it("keeps the given model order and skips pairs without shared prompts", () => {
    const pairs = issuePairs("x", [C, A, B], answers({ a: "++  ", b: "  --", c: "+-+-" }));
    expect(pairs.map((p) => [p.first.model, p.second.model, p.prompts])).toEqual([
      ["vicuna-13b", "alpaca-7b", 2],
      ["vicuna-13b", "text-davinci-003", 2],
    ]);
    // c vs a on p0, p1: c (+ -), a (+ +): only a on p1.
    expect(pairs[0]).toMatchObject({ onlyFirst: 0, onlySecond: 1 });
  });
});
