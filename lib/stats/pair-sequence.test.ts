import { describe, it, expect } from "vitest";
import { confidenceSequence, csInterval } from "@/lib/stats/confidence-sequence";
import { addPrompt, createPairSequence, pairSequenceInterval } from "./pair-sequence";

describe("pair sequence", () => {
  it("observes the drawn prompts' scores only, in order: a prompt left out adds nothing", () => {
    const s = createPairSequence();
    addPrompt(s, { probability: 0.5, score: 1 });
    addPrompt(s, { probability: 0.5, score: null });
    addPrompt(s, { probability: 0.25, score: 0 });
    expect(s.cs.t).toBe(2);
    expect(s.cs.sumValue).toBe(1);
    // Ten 1s: every bet at the cap 1/2 (confidence-sequence.test.ts), whatever the prompts left out between them.
    const ones = Array.from({ length: 20 }, (_, i) => ({ probability: 0.4, score: i % 2 === 0 ? 1 : null }));
    expect(pairSequenceInterval(ones)).toEqual(confidenceSequence(Array.from({ length: 10 }, () => 1)));
  });

  it("is the plain CS of the drawn scores, whatever their probabilities", () => {
    const scores = Array.from({ length: 60 }, (_, i) => [1, 0.5, 0, 1, 1][i % 5] as number);
    const draws = scores.flatMap((score, i) => [{ probability: 0.2 + (i % 4) * 0.2, score }, { probability: 0.5, score: null }]);
    expect(pairSequenceInterval(draws, { alpha: 0.1 })).toEqual(confidenceSequence(scores, { alpha: 0.1 }));
    expect(csInterval(createPairSequence().cs)).toEqual({ low: 0, high: 1 });
  });

  it("rejects a probability outside (0, 1]", () => {
    expect(() => addPrompt(createPairSequence(), { probability: 0, score: 1 })).toThrow(RangeError);
    expect(() => addPrompt(createPairSequence(), { probability: 1.5, score: null })).toThrow(RangeError);
  });
});
