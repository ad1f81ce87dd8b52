import { describe, expect, it } from "vitest";
import type { LengthPrompt } from "@/lib/stats/length-control";
import { groupLengthPrompts, lengthControlJson } from "./length-control";
import { orientationFrom } from "./orientation";

/** n prompts at each of the given differences, A winning `winsA` of 4 votes there. */
function prompts(spec: [lengthDiff: number, winsA: number][], n = 5): LengthPrompt[] {
  return spec.map(([lengthDiff, winsA]) => ({ lengthDiff, winsA, winsB: 4 - winsA, ties: 0, bothBad: 0, count: n }));
}

describe("lengthControlJson", () => {
  it("reads the controlled rate beside the raw one, with how much length explains", () => {
    // Saturated (two differences, ±300): at equal length, logit is the mean of logit(2/4) and logit(3/4).
    const lc = lengthControlJson("m1", "m2", prompts([[-300, 2], [300, 3], [300, 3], [300, 3]]), "seed");
    const controlled = 1 / (1 + Math.exp(-Math.log(3) / 2));
    expect(lc.estimate).toBeCloseTo(controlled, 4);
    expect(lc.raw).toBeCloseTo(55 / 80, 12);
    expect(lc.longerShareA).toBeCloseTo(0.75, 12);
    expect(lc.explained).toBeCloseTo((55 / 80 - controlled) / (55 / 80 - 0.5), 4);
    expect(lc.summary).toMatch(/^Controlled for answer length, m1's win rate is 63\.4% \(95% CI \d+\.\d%–\d+\.\d%\) against 68\.8% raw; length explains about 29% of its distance from 50%\.$/);
    expect(lc.method).toContain("instruction-difficulty term is left out");
  });

  it("warns when one model's answer is nearly always the longer (equal length is an extrapolation)", () => {
    const lc = lengthControlJson("m1", "m2", prompts([[-300, 1], [-100, 2], [-50, 2], [-20, 3]]), "seed");
    expect(lc.longerShareA).toBe(0);
    expect(lc.summary).toContain(" m2's answer is the longer one on 100% of the prompts whose answers differ in length, so equal length lies at the edge of the data");
  });

  it("says why when it is not computed", () => {
    expect(lengthControlJson("m1", "m2", prompts([[10, 3]], 30), "s").summary).toMatch(/^Not computed: every prompt has the same length difference/);
    expect(lengthControlJson("m1", "m2", [], "s")).toMatchObject({ estimate: null, raw: null, prompts: 0, longerShareA: null });
  });
});

describe("groupLengthPrompts", () => {
  it("turns a row whose models come the other way round: A and B swap, the difference changes sign", () => {
    const orient = orientationFrom([{ modelA: "m1", modelB: "m2", pairs: 2 }]);
    const row = { winsA: 3, winsB: 1, ties: 1, bothBad: 0, pairs: 2 };
    const grouped = groupLengthPrompts([{ modelA: "m1", modelB: "m2", lengthDiff: 40, ...row }, { modelA: "m2", modelB: "m1", lengthDiff: 40, ...row }], orient);
    expect([...grouped.values()]).toEqual([
      [
        { lengthDiff: 40, winsA: 3, winsB: 1, ties: 1, bothBad: 0, count: 2 },
        { lengthDiff: -40, winsA: 1, winsB: 3, ties: 1, bothBad: 0, count: 2 },
      ],
    ]);
  });
});
