import { describe, it, expect } from "vitest";
import { confidenceSequence } from "@/lib/stats/confidence-sequence";
import { addPrompt, createPairSequence, pairCenter, pairSequenceInterval } from "./pair-sequence";

describe("pair sequence", () => {
  it("centres each prompt on the mean of the earlier sampled scores, 1/2 before any", () => {
    const s = createPairSequence();
    expect(pairCenter(s)).toBe(0.5);
    addPrompt(s, { probability: 0.5, score: 1 }); // (0.5 + 1) / 2 = 0.75
    expect(pairCenter(s)).toBe(0.75);
    addPrompt(s, { probability: 0.5, score: null }); // unsampled prompts do not move it
    expect(pairCenter(s)).toBe(0.75);
    addPrompt(s, { probability: 0.5, score: 0 }); // (0.5 + 1 + 0) / 3 = 0.5
    expect(pairCenter(s)).toBe(0.5);
  });

  it("first prompt sampled at 1/2 with score 1: value 0.5 + 0.5 / 0.5 = 1.5, range 2", () => {
    const s = createPairSequence();
    addPrompt(s, { probability: 0.5, score: 1 });
    // Bet capped at maxBet / range = 0.25: sum of bets 0.25, of bets x values 0.375.
    expect(s.cs.sumBet).toBeCloseTo(0.25, 12);
    expect(s.cs.sumBetValue).toBeCloseTo(0.375, 12);
  });

  it("every prompt sampled (probability 1) with the running-mean centre is the plain CS on the scores", () => {
    // With probability 1 the value is the score and the centre (0.5 + sum) / (1 + n) is the CS's own plug-in mean.
    const scores = Array.from({ length: 60 }, (_, i) => [1, 0.5, 0, 1, 1][i % 5] as number);
    const weighted = pairSequenceInterval(scores.map((score) => ({ probability: 1, score })));
    const plain = confidenceSequence(scores);
    expect(weighted.low).toBeCloseTo(plain.low, 12);
    expect(weighted.high).toBeCloseTo(plain.high, 12);
  });
});
