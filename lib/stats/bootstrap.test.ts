import { describe, it, expect } from "vitest";
import { bootstrapWinRate } from "./bootstrap";

/** `wins` prompts won by A and `losses` lost, one vote each. */
function singleVotePrompts(wins: number, losses: number) {
  return [
    ...Array.from({ length: wins }, () => ({ winsA: 1, winsB: 0, ties: 0 })),
    ...Array.from({ length: losses }, () => ({ winsA: 0, winsB: 1, ties: 0 })),
  ];
}

/** A mixture of prompt patterns repeated `copies` times. */
function mixture(copies: number) {
  const base = [
    { winsA: 3, winsB: 0, ties: 0 },
    { winsA: 2, winsB: 1, ties: 0 },
    { winsA: 0, winsB: 2, ties: 1 },
    { winsA: 1, winsB: 1, ties: 1, bothBad: 1 },
  ];
  return Array.from({ length: copies }, () => base).flat();
}

describe("bootstrapWinRate", () => {
  it("is deterministic for the same seed", () => {
    const data = mixture(50);
    const a = bootstrapWinRate(data, { seed: "study-42" });
    const b = bootstrapWinRate(data, { seed: "study-42" });
    expect(a).toEqual(b);
    expect(bootstrapWinRate(data, { seed: "other" }).interval).not.toEqual(a.interval);
  });

  it("does not depend on the order of the prompts (both methods)", () => {
    const data = [...mixture(40), ...singleVotePrompts(30, 25)];
    // A fixed shuffle (reversal would keep equal patterns adjacent): every 7th element first.
    const shuffled = data.map((p, i) => ({ p, k: (i * 7) % data.length })).sort((x, y) => x.k - y.k).map((x) => x.p);
    expect(shuffled).not.toEqual(data);
    for (const method of ["grouped", "direct"] as const) {
      const a = bootstrapWinRate(data, { seed: 3, method });
      expect(bootstrapWinRate(shuffled, { seed: 3, method })).toEqual(a);
      expect(bootstrapWinRate([...data].reverse(), { seed: 3, method })).toEqual(a);
    }
  });

  it("takes prompts with the same counts once, with how many share them (both methods)", () => {
    const data = [...mixture(40), ...singleVotePrompts(30, 25)];
    const counted = [
      { winsA: 3, winsB: 0, ties: 0, count: 40 }, { winsA: 2, winsB: 1, ties: 0, count: 40 }, { winsA: 0, winsB: 2, ties: 1, count: 40 },
      { winsA: 1, winsB: 1, ties: 1, bothBad: 1, count: 40 }, { winsA: 1, winsB: 0, ties: 0, count: 30 }, { winsA: 0, winsB: 1, ties: 0, count: 25 },
      { winsA: 0, winsB: 0, ties: 0, count: 7 }, { winsA: 1, winsB: 0, ties: 0, count: 0 },
    ];
    for (const method of ["grouped", "direct"] as const) {
      expect(bootstrapWinRate(counted, { seed: 5, method })).toEqual(bootstrapWinRate(data, { seed: 5, method }));
    }
    expect(() => bootstrapWinRate([{ winsA: 1, winsB: 0, ties: 0, count: 1.5 }])).toThrow(RangeError);
  });

  it("pools votes for the point estimate and contains it", () => {
    // Hand: per copy A's score = 3 + 2 + (0 + 0.5) + (1 + 0.5 * 2) = 7.5 over 3 + 3 + 3 + 4 = 13 votes.
    const r = bootstrapWinRate(mixture(50));
    expect(r.estimate).toBeCloseTo(7.5 / 13, 14);
    expect(r.interval!.low).toBeLessThanOrEqual(r.estimate!);
    expect(r.interval!.high).toBeGreaterThanOrEqual(r.estimate!);
    expect(r.resamples).toBe(1000);
  });

  it("gives a zero-width interval when all prompts are identical", () => {
    // Hand: every resample is the same prompt 200 times, so every statistic is 2 / 3.
    const data = Array.from({ length: 200 }, () => ({ winsA: 2, winsB: 1, ties: 0 }));
    for (const method of ["grouped", "direct"] as const) {
      const r = bootstrapWinRate(data, { method });
      expect(r.interval).toEqual({ low: 2 / 3, high: 2 / 3 });
    }
  });

  it("is wider for fewer prompts", () => {
    const few = bootstrapWinRate(mixture(5), { seed: 1 });
    const many = bootstrapWinRate(mixture(500), { seed: 1 });
    const width = (r: typeof few) => r.interval!.high - r.interval!.low;
    // Hand: the width shrinks like 1/sqrt(prompts), so 100x the prompts is ~10x narrower.
    expect(width(few)).toBeGreaterThan(5 * width(many));
  });

  it("matches the normal-theory interval for one-vote prompts (both methods)", () => {
    // Hand: 240 wins of 400 one-vote prompts: p = 0.6, SE = sqrt(0.24 / 400) = 0.0244949,
    // 1.96 * SE = 0.0480 -> about [0.552, 0.648]. Monte Carlo error of B = 1000 percentiles is
    // ~0.003, so allow 0.008.
    const data = singleVotePrompts(240, 160);
    for (const method of ["grouped", "direct"] as const) {
      const r = bootstrapWinRate(data, { method, seed: 7 });
      expect(Math.abs(r.interval!.low - 0.552)).toBeLessThan(0.008);
      expect(Math.abs(r.interval!.high - 0.648)).toBeLessThan(0.008);
    }
  });

  it("caps resamples by maxDraws on the direct path, never below 200", () => {
    // 1000 distinct prompts: auto chooses direct. Budget 5e5 / 1000 prompts = 500 resamples.
    const distinct = Array.from({ length: 1000 }, (_, i) => ({ winsA: i, winsB: 1000 - i, ties: 0 }));
    expect(bootstrapWinRate(distinct, { maxDraws: 5e5 }).resamples).toBe(500);
    expect(bootstrapWinRate(distinct, { maxDraws: 1e3 }).resamples).toBe(200);
  });

  it("ignores prompts without votes and handles no data", () => {
    const empty = bootstrapWinRate([{ winsA: 0, winsB: 0, ties: 0 }]);
    expect(empty).toEqual({ estimate: null, interval: null, resamples: 0 });
    const r = bootstrapWinRate([...mixture(10), { winsA: 0, winsB: 0, ties: 0 }]);
    expect(r.estimate).toBeCloseTo(7.5 / 13, 14);
  });

  it("handles 100,000 prompts quickly with the grouped method", () => {
    const data = Array.from({ length: 100_000 }, (_, i) => ({ winsA: i % 3, winsB: (i * 7) % 4, ties: i % 2 }));
    const start = performance.now();
    const r = bootstrapWinRate(data, { seed: "speed" });
    expect(r.resamples).toBe(1000);
    // Generous bound for shared CI machines; typical runs take 40-170 ms.
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
