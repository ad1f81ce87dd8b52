import { describe, expect, it } from "vitest";
import { createStudySchema, leakReviewSchema, studyPreviewSchema } from "./study";

describe("study settings", () => {
  it("leaves out self-references and identical or empty answer pairs unless told otherwise", () => {
    const s = createStudySchema.parse({ name: "s", modelIds: ["a", "b"] });
    expect(s).toMatchObject({ excludeLeaks: true, keepDegeneratePairs: false });
    // As the form sends them: unticked boxes are false, ticked ones "on".
    expect(createStudySchema.parse({ name: "s", modelIds: ["a", "b"], excludeLeaks: false, keepDegeneratePairs: "on" }))
      .toMatchObject({ excludeLeaks: false, keepDegeneratePairs: true });
  });

  it("the preview takes only what the counts depend on, with the same rules", () => {
    expect(studyPreviewSchema.parse({ name: "ignored", modelIds: ["a", "b"], sampleSize: "", seed: "7" }))
      .toEqual({ modelIds: ["a", "b"], allModelPairs: true, seed: 7, excludeLeaks: true, keepDegeneratePairs: false, judgedTurns: [] });
    expect(studyPreviewSchema.safeParse({ modelIds: ["a"] }).error?.issues[0]?.message).toBe("Choose at least two models");
  });

  it("names the field of each problem, for the form to show it there", () => {
    const issues = createStudySchema.safeParse({ name: " ", modelIds: ["a"], completionUrl: "ftp://x" }).error?.issues ?? [];
    expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", "Give the study a name"],
      ["modelIds", "Choose at least two models"],
      ["completionUrl", "The completion URL must be an http(s) URL"],
    ]);
  });

  it("takes adaptive votes and the early stop as the form sends them, empty meaning none", () => {
    expect(createStudySchema.parse({ name: "s", modelIds: ["a", "b"], adaptiveVotes: "", stopLevel: "", voteBudget: "" }))
      .toMatchObject({ adaptiveVotes: false, stopLevel: undefined, voteBudget: undefined });
    expect(createStudySchema.parse({ name: "s", modelIds: ["a", "b"], adaptiveVotes: "on", stopLevel: "0.05", voteBudget: "600" }))
      .toMatchObject({ adaptiveVotes: true, stopLevel: 0.05, voteBudget: 600 });
    const problems = (input: Record<string, unknown>) =>
      (createStudySchema.safeParse({ name: "s", modelIds: ["a", "b"], ...input }).error?.issues ?? []).map((i) => [i.path.join("."), i.message]);
    // The database's bounds: a level strictly between 0 and 0.5, a budget of at least one vote.
    expect(problems({ stopLevel: "0" })).toEqual([["stopLevel", "The stop level must be above 0"]]);
    expect(problems({ stopLevel: "0.5" })).toEqual([["stopLevel", "The stop level must be below 0.5"]]);
    expect(problems({ stopLevel: "5%" })).toEqual([["stopLevel", "The stop level is a number, e.g. 0.05"]]);
    expect(problems({ voteBudget: "0" })).toEqual([["voteBudget", "Allow at least 1 vote, or leave it empty"]]);
    expect(problems({ voteBudget: "2.5" })).toEqual([["voteBudget", "The vote budget is a whole number"]]);
  });

  it("accepts only the two verdicts on a flag", () => {
    expect(leakReviewSchema.safeParse({ outputId: "o1", decision: "CLEARED" }).success).toBe(true);
    expect(leakReviewSchema.safeParse({ outputId: "o1", decision: "IGNORED" }).success).toBe(false);
  });
});
