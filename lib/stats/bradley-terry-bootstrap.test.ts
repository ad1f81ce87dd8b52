import { describe, it, expect } from "vitest";
import { bradleyTerry } from "./bradley-terry";
import { bradleyTerryBootstrap, type PromptVotes } from "./bradley-terry-bootstrap";

const rec = (a: string, b: string, winsA: number, winsB: number, ties = 0) => ({ a, b, winsA, winsB, ties });

/** Each vote its own prompt: `winsA` prompts with one A vote, `winsB` with one B vote, `ties` with one tie. */
function votesAsPrompts(a: string, b: string, winsA: number, winsB: number, ties = 0): PromptVotes[] {
  return [
    { pairs: [rec(a, b, 1, 0)], count: winsA },
    { pairs: [rec(a, b, 0, 1)], count: winsB },
    { pairs: [rec(a, b, 0, 0, 1)], count: ties },
  ];
}

/** Three models, prompts with a few votes on each pair (a mix of patterns, some shared). */
function mixedStudy(copies: number): PromptVotes[] {
  const kinds = [
    [rec("A", "B", 2, 1), rec("B", "C", 1, 1, 1), rec("A", "C", 3, 0)],
    [rec("A", "B", 0, 2, 1), rec("B", "C", 2, 1), rec("A", "C", 1, 2)],
    [rec("A", "B", 1, 1), rec("A", "C", 2, 0, 1)],
    [rec("B", "C", 0, 3)],
  ];
  return Array.from({ length: copies }, (_, i) => kinds.map((pairs, k) => ({ pairs: pairs.map((r) => ({ ...r, winsA: r.winsA + ((i + k) % 2) })) }))).flat();
}

const width = (r: ReturnType<typeof bradleyTerryBootstrap>, model: string) => {
  const i = r.intervals.find((x) => x.model === model)!;
  return i.high - i.low;
};

describe("bradleyTerryBootstrap", () => {
  it("is deterministic for a seed", () => {
    const prompts = mixedStudy(20);
    const a = bradleyTerryBootstrap(prompts, { seed: "study", resamples: 200 });
    const b = bradleyTerryBootstrap(prompts, { seed: "study", resamples: 200 });
    expect(a).toEqual(b);
    expect(a.resamples).toBe(200);
    expect(a.failed).toBe(0);
    expect(bradleyTerryBootstrap(prompts, { seed: "other", resamples: 200 }).intervals).not.toEqual(a.intervals);
  });

  it("fits all votes: the point estimate is bradleyTerry on the pairs' totals", () => {
    // The pairs' totals summed here, record by record, apart from the bootstrap's packing of prompts.
    const prompts = mixedStudy(10);
    const totals = new Map<string, ReturnType<typeof rec>>();
    for (const p of prompts) {
      for (const r of p.pairs) {
        const t = totals.get(`${r.a}${r.b}`) ?? rec(r.a, r.b, 0, 0);
        totals.set(`${r.a}${r.b}`, { ...t, winsA: t.winsA + r.winsA, winsB: t.winsB + r.winsB, ties: t.ties + r.ties });
      }
    }
    const boot = bradleyTerryBootstrap(prompts, { resamples: 50 });
    expect(boot.fit).toEqual(bradleyTerry([...totals.values()]));
  });

  it("does not depend on the order of prompts, of their pairs, or of a pair's two models (both methods)", () => {
    const prompts = mixedStudy(30);
    const shuffled = prompts.map((p, i) => ({ p, k: (i * 7) % prompts.length })).sort((x, y) => x.k - y.k).map((x) => x.p);
    // Each pair written the other way round (B first, its wins as A's) and listed in reverse.
    const flipped = prompts.map((p) => ({ pairs: [...p.pairs].reverse().map((r) => ({ a: r.b, b: r.a, winsA: r.winsB, winsB: r.winsA, ties: r.ties })) }));
    for (const method of ["grouped", "direct"] as const) {
      const a = bradleyTerryBootstrap(prompts, { seed: 3, method, resamples: 200 });
      expect(bradleyTerryBootstrap(shuffled, { seed: 3, method, resamples: 200 })).toEqual(a);
      expect(bradleyTerryBootstrap(flipped, { seed: 3, method, resamples: 200 })).toEqual(a);
    }
  });

  it("takes prompts with the same votes once, with how many share them (both methods)", () => {
    const listed = mixedStudy(30);
    // mixedStudy alternates two versions of four kinds: eight patterns, 15 prompts each.
    const counted = mixedStudy(2).map((p) => ({ ...p, count: 15 }));
    // Prompts without votes, and patterns counted 0 times, change nothing.
    const extra = [{ pairs: [rec("A", "B", 0, 0)], count: 4 }, { pairs: [rec("A", "C", 5, 5)], count: 0 }];
    for (const method of ["grouped", "direct"] as const) {
      expect(bradleyTerryBootstrap([...counted, ...extra], { seed: 5, method, resamples: 200 }))
        .toEqual(bradleyTerryBootstrap(listed, { seed: 5, method, resamples: 200 }));
    }
    expect(() => bradleyTerryBootstrap([{ pairs: [rec("A", "B", 1, 0)], count: 1.5 }])).toThrow(RangeError);
  });

  it("matches the delta-method interval for two models and one vote per prompt", () => {
    // Hand: 300:100 -> p = 0.75, score_A = 1000 + 200 * log10(3) = 1095.42.
    // score_A = 1000 + (200 / ln 10) * logit(p); SE(logit p) = 1 / sqrt(n p q) = 1 / sqrt(75) = 0.11547,
    // so SE(score_A) = 86.859 * 0.11547 = 10.03 and the 95% interval is ~[1075.8, 1115.1].
    // Allow 3 points for Monte Carlo error and the logit's skew.
    for (const method of ["grouped", "direct"] as const) {
      const r = bradleyTerryBootstrap(votesAsPrompts("A", "B", 300, 100), { seed: 1, method });
      const a = r.intervals.find((i) => i.model === "A")!;
      expect(Math.abs(a.low - 1075.8)).toBeLessThan(3);
      expect(Math.abs(a.high - 1115.1)).toBeLessThan(3);
    }
  });

  it("gives a zero-width interval when every prompt has the same votes", () => {
    // Every resample of 40 identical prompts is the data itself, so every refit is the full fit. Resampling
    // votes within each pair (A-B 80:40, B-C 40:40 plus 40 ties, A-C 120:0 plus 40 ties) would move every score.
    const prompts = Array.from({ length: 40 }, () => ({ pairs: [rec("A", "B", 2, 1), rec("B", "C", 1, 1, 1), rec("A", "C", 3, 0, 1)] }));
    const r = bradleyTerryBootstrap(prompts, { seed: 2, resamples: 300 });
    expect(r.failed).toBe(0);
    r.intervals.forEach((interval, i) => {
      expect(interval.low).toBeCloseTo(r.fit!.scores[i]!, 6);
      expect(interval.high).toBeCloseTo(r.fit!.scores[i]!, 6);
    });
  });

  it("widens for prompts that move every pair together, against the same votes on separate prompts", () => {
    // 60 prompts where A > B > C (one vote per pair) and 40 where C > B > A: each pair 60:40 either way, so
    // the fit is the same, but in a resample of prompts all three pairs share one share x of the first kind.
    // With every pair at x, B stays at the geometric mean (strengths t, 1, 1/t solve it: B wins
    // 1/(1+t) + t/(t+1) = 1 = x + (1 - x)), so B's interval has zero width; A's score is 1000 + 400 log10 t
    // with t/(t+1) + t^2/(t^2+1) = 2x: 1000.00 at x = 0.50, 1047.17 at 0.60, 1094.29 at 0.69, 1100.05 at 0.70.
    // x is Binomial(100, 0.6) / 100: P(X <= 49) = 0.017, P(X <= 50) = 0.027, P(X <= 69) = 0.975, so the 2.5%
    // and 97.5% points are near 0.50 and 0.69-0.70.
    const together: PromptVotes[] = [
      { pairs: [rec("A", "B", 1, 0), rec("B", "C", 1, 0), rec("A", "C", 1, 0)], count: 60 },
      { pairs: [rec("A", "B", 0, 1), rec("B", "C", 0, 1), rec("A", "C", 0, 1)], count: 40 },
    ];
    const apart = [...votesAsPrompts("A", "B", 60, 40), ...votesAsPrompts("B", "C", 60, 40), ...votesAsPrompts("A", "C", 60, 40)];
    const r = bradleyTerryBootstrap(together, { seed: 4 });
    const separate = bradleyTerryBootstrap(apart, { seed: 4 });
    expect(r.fit!.scores).toEqual(separate.fit!.scores);
    expect(r.fit!.scores[0]).toBeCloseTo(1047.17, 2);
    const a = r.intervals.find((i) => i.model === "A")!;
    expect(a.low).toBeGreaterThan(995.37); // x = 0.49
    expect(a.low).toBeLessThan(1004.63); // x = 0.51
    expect(a.high).toBeGreaterThan(1088.66); // x = 0.68
    expect(a.high).toBeLessThan(1105.97); // x = 0.71
    // Zero up to where a resample's fit stops (RESAMPLE_TOLERANCE: well under a thousandth of a point).
    expect(width(r, "B")).toBeCloseTo(0, 3);
    // Votes on separate prompts move independently: A's two pairs add variance rather than doubling the
    // spread (about sqrt 2 narrower), and B's wins and losses no longer cancel.
    expect(width(r, "A")).toBeGreaterThan(1.25 * width(separate, "A"));
    expect(width(separate, "B")).toBeGreaterThan(20);
  });

  it("counts resamples where the MLE does not exist", () => {
    // Hand: A wins 1 of 21 one-vote prompts; a resample gives A no win with probability (20/21)^21 = 0.3589,
    // so about 359 of 1000 resamples fail (SE ~15).
    const r = bradleyTerryBootstrap(votesAsPrompts("A", "B", 1, 20), { seed: 3 });
    expect(r.failed).toBeGreaterThan(300);
    expect(r.failed).toBeLessThan(420);
    expect(r.resamples + r.failed).toBe(1000);
    expect(bradleyTerryBootstrap(votesAsPrompts("A", "B", 1, 20), { seed: 3, pseudoTies: 1 }).failed).toBe(0);
  });

  it("counts a resample that drew no prompt of some model as failed", () => {
    // Hand: D is judged on 1 prompt of 20; a resample misses it with probability (19/20)^20 = 0.3585.
    const prompts = [
      ...Array.from({ length: 19 }, (_, i) => ({ pairs: [rec("A", "B", 2, 1 + (i % 2)), rec("B", "C", 1, 2), rec("A", "C", 2, 1)] })),
      { pairs: [rec("A", "D", 1, 1), rec("C", "D", 1, 1)] },
    ];
    const r = bradleyTerryBootstrap(prompts, { seed: 6 });
    expect(r.failed).toBeGreaterThan(310);
    expect(r.failed).toBeLessThan(410);
  });

  it("lowers the resamples of prompt-by-prompt draws to maxDraws, never below 200", () => {
    const prompts = Array.from({ length: 100 }, (_, i) => ({ pairs: [rec("A", "B", i % 3, 1), rec("B", "C", 1, i % 5), rec("A", "C", i % 7, 1)] }));
    // 100 prompts in 100 distinct patterns: drawn prompt by prompt; 30,000 draws allow 300 resamples.
    expect(bradleyTerryBootstrap(prompts, { maxDraws: 30_000 }).resamples).toBe(300);
    expect(bradleyTerryBootstrap(prompts, { maxDraws: 1_000 }).resamples).toBe(200);
    expect(bradleyTerryBootstrap(prompts, { maxDraws: 1_000, method: "grouped" }).resamples).toBe(1000);
  });

  it("returns no intervals when the full data cannot be fitted", () => {
    expect(bradleyTerryBootstrap(votesAsPrompts("A", "B", 5, 0))).toEqual({ fit: null, intervals: [], resamples: 0, failed: 0 });
    expect(bradleyTerryBootstrap([])).toEqual({ fit: null, intervals: [], resamples: 0, failed: 0 });
  });
});
