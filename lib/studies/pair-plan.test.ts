import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/stats/rng";
import { modelPairs, planPairs, shuffled, type PromptOutputs } from "./pair-plan";

function prompts(n: number, models: string[]): PromptOutputs[] {
  return Array.from({ length: n }, (_, i) => ({
    promptId: `p${String(i).padStart(3, "0")}`,
    outputs: new Map(models.map((m) => [m, `${m}-out-${i}`])),
  }));
}

describe("planPairs", () => {
  it("gives two models one pair per prompt, A being the first chosen model", () => {
    const plan = planPairs(prompts(3, ["x", "y"]), { modelIds: ["y", "x"], allModelPairs: true, seed: 1 });
    expect(plan).toEqual([
      { promptId: "p000", outputAId: "y-out-0", outputBId: "x-out-0", turn: 0 },
      { promptId: "p001", outputAId: "y-out-1", outputBId: "x-out-1", turn: 0 },
      { promptId: "p002", outputAId: "y-out-2", outputBId: "x-out-2", turn: 0 },
    ]);
  });

  it("gives every model pair on every prompt with 3 models (3 choose 2 = 3 per prompt)", () => {
    const plan = planPairs(prompts(4, ["a", "b", "c"]), { modelIds: ["a", "b", "c"], allModelPairs: true, seed: 1 });
    expect(plan).toHaveLength(12);
    expect(new Set(plan.map((p) => `${p.outputAId[0]}${p.outputBId[0]}`))).toEqual(new Set(["ab", "ac", "bc"]));
  });

  it("deals one model pair per prompt evenly when not all pairs are wanted", () => {
    const plan = planPairs(prompts(9, ["a", "b", "c"]), { modelIds: ["a", "b", "c"], allModelPairs: false, seed: 7 });
    expect(plan).toHaveLength(9);
    const perCombo = new Map<string, number>();
    for (const p of plan) perCombo.set(`${p.outputAId[0]}${p.outputBId[0]}`, (perCombo.get(`${p.outputAId[0]}${p.outputBId[0]}`) ?? 0) + 1);
    expect([...perCombo.values()]).toEqual([3, 3, 3]);
    expect(new Set(plan.map((p) => p.promptId)).size).toBe(9);
  });

  it("samples N prompts reproducibly from the seed, whatever the input order", () => {
    const all = prompts(50, ["a", "b"]);
    const one = planPairs(all, { modelIds: ["a", "b"], allModelPairs: true, sampleSize: 10, seed: 42 });
    const again = planPairs([...all].reverse(), { modelIds: ["a", "b"], allModelPairs: true, sampleSize: 10, seed: 42 });
    const other = planPairs(all, { modelIds: ["a", "b"], allModelPairs: true, sampleSize: 10, seed: 43 });
    expect(one).toHaveLength(10);
    expect(again).toEqual(one);
    expect(other).not.toEqual(one);
  });

  it("uses every prompt when the sample is at least as large as the pool", () => {
    expect(planPairs(prompts(5, ["a", "b"]), { modelIds: ["a", "b"], allModelPairs: true, sampleSize: 99, seed: 1 })).toHaveLength(5);
  });
});

describe("helpers", () => {
  it("lists model pairs in chosen order", () => {
    expect(modelPairs(["a", "b", "c", "d"])).toEqual([["a", "b"], ["a", "c"], ["a", "d"], ["b", "c"], ["b", "d"], ["c", "d"]]);
  });

  it("shuffles into a permutation without touching the input", () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = shuffled(input, mulberry32(3));
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(input);
  });
});
