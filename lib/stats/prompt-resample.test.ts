import { describe, it, expect } from "vitest";
import { packPromptVotes } from "./prompt-patterns";
import { drawPatternCounts, patternOfPrompt } from "./prompt-resample";
import { mulberry32, mulberry32Stream } from "./rng";

const rec = (a: string, b: string, winsA: number, winsB: number) => ({ a, b, winsA, winsB, ties: 0 });
// Three patterns, shared by 3, 2 and 1 prompts.
const prompts = [
  { pairs: [rec("A", "B", 1, 0), rec("B", "C", 1, 0)], count: 3 },
  { pairs: [rec("A", "B", 0, 1)], count: 2 },
  { pairs: [rec("B", "C", 0, 2)], count: 1 },
];

describe("drawPatternCounts", () => {
  it("prompt by prompt: P index draws of mulberry32, (rng() * P) | 0, counted per pattern", () => {
    const patterns = packPromptVotes(prompts);
    const byPrompt = patternOfPrompt(patterns);
    // Each pattern repeated as many times as prompts share it, patterns in order.
    expect([...patterns.multiplicity].sort()).toEqual([1, 2, 3]);
    expect([...byPrompt]).toEqual([...patterns.multiplicity].flatMap((m, k) => Array.from({ length: m }, () => k)));
    const stream = mulberry32Stream(9);
    const counts = new Float64Array(3);
    drawPatternCounts(patterns, stream, counts, byPrompt);
    const rng = mulberry32(9);
    const expected = [0, 0, 0];
    for (let d = 0; d < 6; d++) expected[byPrompt[(rng() * 6) | 0]!]! += 1;
    expect([...counts]).toEqual(expected);
    // The stream moved on by the six draws.
    expect(stream.rng()).toBe(rng());
  });

  it("by patterns: a multinomial over them, P in all", () => {
    const patterns = packPromptVotes(prompts);
    const stream = mulberry32Stream(1);
    const counts = new Float64Array(3);
    const mean = [0, 0, 0];
    for (let b = 0; b < 3000; b++) {
      drawPatternCounts(patterns, stream, counts);
      expect(counts.reduce((x, y) => x + y, 0)).toBe(6);
      counts.forEach((c, k) => (mean[k]! += c / 3000));
    }
    // Each pattern is drawn its multiplicity times on average (SE of a mean of 3,000 below 0.03).
    mean.forEach((m, k) => expect(Math.abs(m - patterns.multiplicity[k]!)).toBeLessThan(0.1));
  });
});
