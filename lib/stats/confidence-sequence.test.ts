import { describe, it, expect } from "vitest";
import {
  confidenceSequence,
  createConfidenceSequence,
  csInterval,
  observe,
  plugInBet,
  plugInMean,
  psiE,
} from "./confidence-sequence";
import { mulberry32 } from "./rng";
import { wilsonInterval } from "./wilson";

// Hand constants: log(2/0.05) = log 40 = 3.6888795; psiE(1/2) = log 2 - 1/2 = 0.1931472.

describe("psiE and plugInBet", () => {
  it("psiE(1/2) = log 2 - 1/2 and psiE(0) = 0", () => {
    expect(psiE(0.5)).toBeCloseTo(0.1931472, 7);
    expect(psiE(0)).toBe(0);
  });

  it("the bet is sqrt(2 log(2/alpha) / (variance t log(1+t))), capped", () => {
    // Hand: 2 * 3.6888795 / (0.25 * 100 * log 101 = 25 * 4.6151205 = 115.37801) = 0.0639443; sqrt = 0.252872.
    expect(plugInBet(0.25, 100, 0.05, 1)).toBeCloseTo(0.252872, 6);
    expect(plugInBet(0.25, 100, 0.05, 0.1)).toBe(0.1);
  });
});

describe("confidenceSequence on [0, 1] observations (PrPl-EB)", () => {
  it("is [0, 1] before any observation", () => {
    expect(csInterval(createConfidenceSequence())).toEqual({ low: 0, high: 1 });
  });

  it("ten 1s: every bet at the cap 1/2, lower bound 1 - (log 40 + psiE(1/2) sum 1/(2i)^2) / 5", () => {
    // The plug-in mean before observation i is (1/2 + i - 1) / i, so each 1 lies 1/(2i) above it; the
    // variance estimate stays below 0.1, so the bet sqrt(7.38 / (variance i log(1+i))) > 1/2 throughout.
    // sum_{i<=10} 1/i^2 = 1.5497677; / 4 = 0.3874419; * 0.1931472 = 0.0748333.
    // Half-width (3.6888795 + 0.0748333) / (10 * 0.5) = 0.7527426; centre 1 -> [0.2472574, 1].
    const ci = confidenceSequence(Array(10).fill(1));
    expect(ci.low).toBeCloseTo(0.2472574, 6);
    expect(ci.high).toBe(1);
  });

  it("mirrors: ten 0s give [0, 0.7527426]", () => {
    const ci = confidenceSequence(Array(10).fill(0));
    expect(ci.low).toBe(0);
    expect(ci.high).toBeCloseTo(0.7527426, 6);
  });

  it("keeps the running intersection: a later observation never widens it", () => {
    const s = createConfidenceSequence();
    for (let i = 0; i < 30; i++) observe(s, 1);
    const before = csInterval(s);
    for (let i = 0; i < 3; i++) observe(s, 0);
    expect(csInterval(s).high).toBeLessThanOrEqual(before.high);
    expect(csInterval(s).low).toBeGreaterThanOrEqual(before.low);
  });

  it("is wider than the fixed-sample Wilson interval on the same data (the price of looking at every time)", () => {
    const xs = Array.from({ length: 400 }, (_, i) => (i % 10 < 7 ? 1 : 0));
    const cs = confidenceSequence(xs);
    const wilson = wilsonInterval(280, 400)!;
    expect(cs.low).toBeLessThan(wilson.low);
    expect(cs.high).toBeGreaterThan(wilson.high);
    expect(cs.low).toBeGreaterThan(0.5); // 70% of 400 still decides it
  });

  it("rejects values outside [0, 1] and bad options", () => {
    expect(() => observe(createConfidenceSequence(), 1.5)).toThrow(RangeError);
    expect(() => observe(createConfidenceSequence(), -0.1)).toThrow(RangeError);
    expect(() => observe(createConfidenceSequence(), Number.NaN)).toThrow(RangeError);
    expect(() => createConfidenceSequence({ alpha: 0 })).toThrow(RangeError);
    expect(() => createConfidenceSequence({ maxBet: 1 })).toThrow(RangeError);
  });
});

describe("coverage, uniformly over time (seeded Monte Carlo)", () => {
  // 300 runs: the nominal 5% miss rate has a Monte-Carlo standard error of sqrt(0.05 * 0.95 / 300) = 0.0126,
  // so more than 0.05 + 3 * 0.0126 = 0.088 misses would be a bug. The running intersection excludes the
  // truth at the end exactly when some time's interval did.
  const runs = 300;
  const limit = 0.05 + 3 * Math.sqrt((0.05 * 0.95) / runs);

  it("votes scored 1 / 0.5 / 0 with mean 0.6: the CS contains 0.6 at every time in >= 95% of runs", () => {
    const rng = mulberry32(20240522);
    let missed = 0;
    for (let r = 0; r < runs; r++) {
      const s = createConfidenceSequence();
      for (let i = 0; i < 500; i++) {
        const u = rng();
        observe(s, u < 0.5 ? 1 : u < 0.7 ? 0.5 : 0); // mean 0.5 + 0.1 = 0.6
      }
      const ci = csInterval(s);
      if (ci.low > 0.6 || ci.high < 0.6) missed++;
    }
    expect(missed / runs).toBeLessThanOrEqual(limit);
  });

  it("votes drawn with probabilities chosen from the past: the CS of the drawn votes alone still covers 0.3", () => {
    // Optional skipping: whether a vote is drawn depends only on earlier draws, so the drawn votes are
    // fresh draws one after another (lib/stats/pair-sequence.ts).
    const rng = mulberry32(7);
    let missed = 0;
    for (let r = 0; r < runs; r++) {
      const s = createConfidenceSequence();
      for (let i = 0; i < 500; i++) {
        // Draw less often while the estimate sits far from 1/2: adaptive, fixed before the vote.
        const probability = Math.abs(plugInMean(s) - 0.5) > 0.1 ? 0.2 : 0.8;
        const vote = rng() < 0.3 ? 1 : 0;
        if (rng() < probability) observe(s, vote);
      }
      const ci = csInterval(s);
      if (ci.low > 0.3 || ci.high < 0.3) missed++;
    }
    expect(missed / runs).toBeLessThanOrEqual(limit);
  });
});
