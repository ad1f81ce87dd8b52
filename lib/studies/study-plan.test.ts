import { describe, expect, it } from "vitest";
import { answerKey, degenerate, planStudy, type PlanPrompt } from "./study-plan";

const options = { modelIds: ["a", "b"], allModelPairs: true, seed: 1, excludeLeaks: true, keepDegeneratePairs: false };

function prompt(id: string, a: string, b: string, leaky = false): PlanPrompt {
  return { promptId: id, leaky, answers: new Map([["a", { id: `${id}-a`, key: answerKey(a) }], ["b", { id: `${id}-b`, key: answerKey(b) }]]) };
}

describe("identical and empty answers", () => {
  it("normalises whitespace before comparing", () => {
    expect(answerKey("  Paris\n\n is  the\tcapital. ")).toBe("Paris is the capital.");
    expect(degenerate({ id: "1", key: answerKey("Paris  is\nnice") }, { id: "2", key: answerKey("Paris is nice ") })).toBe("identical");
    expect(degenerate({ id: "1", key: answerKey("Paris") }, { id: "2", key: answerKey("paris") })).toBeNull();
  });

  it("calls a pair with an empty (or whitespace-only) answer empty, even when both are", () => {
    expect(degenerate({ id: "1", key: answerKey(" \n\t") }, { id: "2", key: "x" })).toBe("empty");
    expect(degenerate({ id: "1", key: "" }, { id: "2", key: "" })).toBe("empty");
  });

  it("leaves them out by default with a count, and keeps them on request", () => {
    const prompts = [prompt("p1", "one", "two"), prompt("p2", "same  text", "same text"), prompt("p3", "", "three"), prompt("p4", "x", "y")];
    const dropped = planStudy(prompts, options);
    expect(dropped).toMatchObject({ sharedPrompts: 4, identicalPairs: 1, emptyPairs: 1, pairs: 2 });
    expect(dropped.planned.map((p) => p.promptId)).toEqual(["p1", "p4"]);
    const kept = planStudy(prompts, { ...options, keepDegeneratePairs: true });
    expect(kept).toMatchObject({ identicalPairs: 1, emptyPairs: 1, pairs: 4 });
  });

  it("judges each model pair on its own with three models", () => {
    const three: PlanPrompt = { promptId: "p1", leaky: false, answers: new Map([
      ["a", { id: "a1", key: "same" }], ["b", { id: "b1", key: "same" }], ["c", { id: "c1", key: "other" }]]) };
    const plan = planStudy([three], { ...options, modelIds: ["a", "b", "c"] });
    expect(plan).toMatchObject({ identicalPairs: 1, pairs: 2 });
    expect(plan.planned.map((p) => `${p.outputAId}-${p.outputBId}`)).toEqual(["a1-c1", "b1-c1"]);
  });
});

describe("leak exclusion", () => {
  it("drops a flagged prompt for every model and counts the pairs it would have given", () => {
    const prompts = [prompt("p1", "one", "two", true), prompt("p2", "x", "y"), prompt("p3", "u", "v")];
    expect(planStudy(prompts, options)).toMatchObject({ sharedPrompts: 3, leakPrompts: 1, leakPairs: 1, pairs: 2 });
    expect(planStudy(prompts, { ...options, excludeLeaks: false })).toMatchObject({ leakPrompts: 1, leakPairs: 1, pairs: 3 });
  });

  it("counts every model pair of a flagged prompt with three models, one when pairs are dealt", () => {
    const three: PlanPrompt = { promptId: "p1", leaky: true, answers: new Map(["a", "b", "c"].map((m) => [m, { id: `${m}1`, key: m }])) };
    expect(planStudy([three], { ...options, modelIds: ["a", "b", "c"] })).toMatchObject({ leakPairs: 3, pairs: 0 });
    expect(planStudy([three], { ...options, modelIds: ["a", "b", "c"], allModelPairs: false })).toMatchObject({ leakPairs: 1 });
  });

  it("samples from the prompts left after exclusion", () => {
    const prompts = Array.from({ length: 10 }, (_, i) => prompt(`p${i}`, `a${i}`, `b${i}`, i < 5));
    const plan = planStudy(prompts, { ...options, sampleSize: 5 });
    expect(plan.pairs).toBe(5);
    expect(plan.planned.every((p) => Number(p.promptId.slice(1)) >= 5)).toBe(true);
  });
});

describe("conversations judged turn by turn", () => {
  // Two-turn conversations: turn 1 of p2 is a fixed history (the same answer for both models).
  function conversation(id: string, a: string[], b: string[], leaky = false): PlanPrompt {
    const answer = (model: string, turns: string[]) => ({ id: `${id}-${model}`, key: turns.map(answerKey).join("|"), turnKeys: turns.map(answerKey) });
    return { promptId: id, leaky, answers: new Map([["a", answer("a", a)], ["b", answer("b", b)]]) };
  }
  const prompts = [
    conversation("p1", ["one", "two"], ["uno", "dos"]),
    conversation("p2", ["shared history", "final a"], ["shared  history", "final b"]),
    prompt("p3", "single a", "single b"),
  ];

  it("makes one pair per judged turn the prompt has, and leaves out turns that are the same for both models", () => {
    const plan = planStudy(prompts, { ...options, judgedTurns: [2, 1] });
    expect(plan.planned.map((p) => `${p.promptId}:${p.turn}`)).toEqual(["p1:1", "p1:2", "p2:2", "p3:1"]);
    expect(plan).toMatchObject({ identicalPairs: 1, pairs: 4 });
  });

  it("judges the whole conversation when no turn is named, identical only when every turn is", () => {
    const plan = planStudy(prompts, options);
    expect(plan.planned.map((p) => `${p.promptId}:${p.turn}`)).toEqual(["p1:0", "p2:0", "p3:0"]);
    expect(planStudy([conversation("p4", ["x", "y"], ["x", "y "])], options)).toMatchObject({ identicalPairs: 1, pairs: 0 });
  });

  it("counts a flagged conversation's pairs per judged turn", () => {
    const plan = planStudy([conversation("p1", ["one", "two"], ["uno", "dos"], true)], { ...options, judgedTurns: [1, 2, 3] });
    expect(plan).toMatchObject({ leakPrompts: 1, leakPairs: 2, pairs: 0 });
  });
});
