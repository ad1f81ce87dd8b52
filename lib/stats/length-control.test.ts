import { describe, expect, it } from "vitest";
import { lengthControlledWinRate, type LengthControl, type LengthPrompt } from "./length-control";
import { mulberry32, type Rng } from "./rng";

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function ok(r: LengthControl) {
  if (!r.ok) throw new Error(`expected a fit, got ${r.reason}`);
  return r;
}

function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Prompts whose votes follow logit P(A wins) = intercept + phi * tanh(d / scale); no draws. */
function simulate(o: { seed: number; prompts: number; votes: number; intercept: number; phi: number; meanDiff: number; sdDiff: number }): LengthPrompt[] {
  const rng = mulberry32(o.seed);
  return Array.from({ length: o.prompts }, () => {
    const lengthDiff = Math.round(o.meanDiff + o.sdDiff * normal(rng));
    const p = sigmoid(o.intercept + o.phi * Math.tanh(lengthDiff / Math.hypot(o.meanDiff, o.sdDiff)));
    let winsA = 0;
    for (let v = 0; v < o.votes; v++) if (rng() < p) winsA++;
    return { lengthDiff, winsA, winsB: o.votes - winsA, ties: 0, bothBad: 0 };
  });
}

/** The soft-label log-likelihood written out per prompt, independently of the module. */
function logLik(prompts: readonly LengthPrompt[], scale: number, b0: number, b1: number): number {
  let ll = 0;
  for (const p of prompts) {
    const q = sigmoid(b0 + b1 * Math.tanh(p.lengthDiff / scale));
    const score = p.winsA + (p.ties + (p.bothBad ?? 0)) / 2;
    const votes = p.winsA + p.winsB + p.ties + (p.bothBad ?? 0);
    ll += score * Math.log(q) + (votes - score) * Math.log(1 - q);
  }
  return ll;
}

function sampleSd(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

describe("lengthControlledWinRate", () => {
  it("matches the closed form of a saturated fit (two length differences)", () => {
    // At d = +100 A wins 80% of votes, at d = -100 40%: the fit reproduces both rates exactly, so
    // logit at equal length is the mean of logit(0.8) and logit(0.4).
    const prompts: LengthPrompt[] = [
      { lengthDiff: 100, winsA: 8, winsB: 2, ties: 0, bothBad: 0, count: 10 },
      { lengthDiff: -100, winsA: 4, winsB: 6, ties: 0, bothBad: 0, count: 10 },
    ];
    const r = ok(lengthControlledWinRate(prompts, { seed: 1 }));
    const intercept = (logit(0.8) + logit(0.4)) / 2;
    const scale = Math.sqrt((20 * 100 ** 2) / 19);
    expect(r.lengthScale).toBeCloseTo(scale, 9);
    expect(r.intercept).toBeCloseTo(intercept, 4);
    expect(r.estimate).toBeCloseTo(0.6202, 4);
    expect(r.phi).toBeCloseTo((logit(0.8) - logit(0.4)) / (2 * Math.tanh(100 / scale)), 4);
    expect(r.raw).toBeCloseTo(0.6, 12);
    expect(r.explained).toBeCloseTo((0.6 - r.estimate) / 0.1, 9);
    expect(r.longerShareA).toBe(0.5);
    // Every prompt at one length difference has the same votes, so no resample of prompts can move
    // the saturated fit's equal-length prediction: the interval collapses onto the estimate.
    expect(r.interval.low).toBeCloseTo(r.estimate, 5);
    expect(r.interval.high).toBeCloseTo(r.estimate, 5);
  });

  it("finds the maximum of the likelihood (score equations ~0, a brute-force grid agrees)", () => {
    const prompts: LengthPrompt[] = [
      { lengthDiff: -400, winsA: 1, winsB: 3, ties: 1, bothBad: 0, count: 4 },
      { lengthDiff: -50, winsA: 2, winsB: 2, ties: 0, bothBad: 1, count: 3 },
      { lengthDiff: 120, winsA: 3, winsB: 1, ties: 0, bothBad: 0, count: 5 },
      { lengthDiff: 700, winsA: 4, winsB: 0, ties: 1, bothBad: 0, count: 2 },
    ];
    const r = ok(lengthControlledWinRate(prompts, { resamples: 200 }));
    const scale = sampleSd(prompts.flatMap((p) => Array<number>(p.count ?? 1).fill(p.lengthDiff)));
    expect(r.lengthScale).toBeCloseTo(scale, 9);
    const expanded = prompts.flatMap((p) => Array.from({ length: p.count ?? 1 }, () => p));
    const ll = (b0: number, b1: number) => logLik(expanded, scale, b0, b1);
    const h = 1e-5;
    expect(Math.abs((ll(r.intercept + h, r.phi) - ll(r.intercept - h, r.phi)) / (2 * h))).toBeLessThan(1e-3);
    expect(Math.abs((ll(r.intercept, r.phi + h) - ll(r.intercept, r.phi - h)) / (2 * h))).toBeLessThan(1e-3);
    // Coarse grid over [-3, 3]^2, then a fine one around its best point.
    let best = { b0: 0, b1: 0, v: -Infinity };
    for (let step = 0.01, c0 = 0, c1 = 0, span = 3; step >= 1e-4; step /= 10, span = step * 100, c0 = best.b0, c1 = best.b1) {
      for (let b0 = c0 - span; b0 <= c0 + span; b0 += step) {
        for (let b1 = c1 - span; b1 <= c1 + span; b1 += step) {
          const v = ll(b0, b1);
          if (v > best.v) best = { b0, b1, v };
        }
      }
    }
    expect(r.intercept).toBeCloseTo(best.b0, 3);
    expect(r.phi).toBeCloseTo(best.b1, 3);
    expect(ll(r.intercept, r.phi)).toBeGreaterThanOrEqual(best.v - 1e-9);
  });

  it("brings the rate back to ~50% when length alone decides", () => {
    // A's answers are usually longer and longer answers win; the models are otherwise equal.
    const prompts = simulate({ seed: 7, prompts: 400, votes: 5, intercept: 0, phi: 2, meanDiff: 250, sdDiff: 300 });
    const r = ok(lengthControlledWinRate(prompts, { seed: "length-only" }));
    expect(r.raw).toBeGreaterThan(0.62);
    expect(Math.abs(r.estimate - 0.5)).toBeLessThan(0.05);
    expect(r.interval.low).toBeLessThan(0.5);
    expect(r.interval.high).toBeGreaterThan(0.5);
    expect(r.phi).toBeGreaterThan(1.5);
    expect(r.explained).toBeGreaterThan(0.8);
    expect(r.longerShareA).toBeGreaterThan(0.75);
  });

  it("leaves the rate where it was when only the model matters", () => {
    const prompts = simulate({ seed: 11, prompts: 400, votes: 5, intercept: 0.8, phi: 0, meanDiff: 0, sdDiff: 300 });
    const r = ok(lengthControlledWinRate(prompts, { seed: "model-only" }));
    expect(r.raw).toBeGreaterThan(0.65);
    expect(Math.abs(r.estimate - r.raw)).toBeLessThan(0.02);
    expect(Math.abs(r.phi)).toBeLessThan(0.3);
    expect(r.interval.low).toBeLessThan(sigmoid(0.8));
    expect(r.interval.high).toBeGreaterThan(sigmoid(0.8));
  });

  it("counts ties and 'both bad' as half a win", () => {
    const base = simulate({ seed: 3, prompts: 30, votes: 4, intercept: 0.3, phi: 1, meanDiff: 100, sdDiff: 200 });
    const asDraws = base.map((p, i) => (i % 2 === 0 && p.winsA > 0 && p.winsB > 0 ? { ...p, winsA: p.winsA - 1, winsB: p.winsB - 1, ties: 1, bothBad: 1 } : p));
    const a = ok(lengthControlledWinRate(base, { seed: 5 }));
    const b = ok(lengthControlledWinRate(asDraws, { seed: 5 }));
    expect(b.raw).toBeCloseTo(a.raw, 12);
    expect(b.estimate).toBeCloseTo(a.estimate, 9);
    expect(b.phi).toBeCloseTo(a.phi, 9);
    expect(asDraws).not.toEqual(base);
  });

  it("has intervals that cover the truth at about the stated rate (seeded simulations)", () => {
    const truth = sigmoid(0.4);
    let covered = 0;
    const runs = 40;
    for (let run = 0; run < runs; run++) {
      const prompts = simulate({ seed: 100 + run, prompts: 120, votes: 3, intercept: 0.4, phi: 1, meanDiff: 150, sdDiff: 300 });
      const r = ok(lengthControlledWinRate(prompts, { seed: run, resamples: 400 }));
      if (r.interval.low <= truth && truth <= r.interval.high) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(34); // 95% of 40 is 38; 34 or fewer has probability < 3%
    expect(covered).toBeLessThanOrEqual(40);
  });

  it("is deterministic and ignores the order and grouping of prompts", () => {
    const prompts = simulate({ seed: 21, prompts: 60, votes: 3, intercept: 0.2, phi: 0.7, meanDiff: 50, sdDiff: 200 });
    const a = lengthControlledWinRate(prompts, { seed: "s" });
    expect(lengthControlledWinRate([...prompts].reverse(), { seed: "s" })).toEqual(a);
    const first = prompts[0]!;
    const grouped = lengthControlledWinRate([{ ...first, count: 3 }, ...prompts.slice(1)], { seed: "s" });
    const listed = lengthControlledWinRate([first, first, first, ...prompts.slice(1)], { seed: "s" });
    expect(grouped).toEqual(listed);
    expect(lengthControlledWinRate(prompts, { seed: "other" })).not.toEqual(a);
  });

  it("stays finite when one model wins every vote (separation)", () => {
    const prompts = simulate({ seed: 4, prompts: 20, votes: 3, intercept: 50, phi: 0, meanDiff: 0, sdDiff: 100 });
    const r = ok(lengthControlledWinRate(prompts, { resamples: 200 }));
    expect(r.raw).toBe(1);
    expect(r.estimate).toBeGreaterThan(0.999);
    expect(Number.isFinite(r.intercept) && Number.isFinite(r.phi)).toBe(true);
    expect(r.converged).toBe(true);
    expect(r.interval.high).toBeLessThanOrEqual(1);
  });

  it("declines too few prompts and no length variation, with the reason", () => {
    expect(lengthControlledWinRate([])).toEqual({ ok: false, reason: "too-few-prompts", raw: null, prompts: 0 });
    const nine: LengthPrompt = { lengthDiff: 10, winsA: 2, winsB: 1, ties: 0, bothBad: 0, count: 9 };
    expect(lengthControlledWinRate([nine, { ...nine, lengthDiff: -10, count: 0 }])).toMatchObject({ ok: false, reason: "too-few-prompts", prompts: 9 });
    const same = lengthControlledWinRate([{ ...nine, count: 30 }]);
    expect(same).toMatchObject({ ok: false, reason: "no-length-variation", prompts: 30 });
    expect(same.raw).toBeCloseTo(2 / 3, 12);
    // Unvoted prompts count for nothing, not even the length scale.
    expect(lengthControlledWinRate([{ ...nine, count: 30 }, { lengthDiff: 500, winsA: 0, winsB: 0, ties: 0, bothBad: 0 }])).toMatchObject({ reason: "no-length-variation" });
    expect(() => lengthControlledWinRate([{ ...nine, lengthDiff: NaN }])).toThrow(RangeError);
    expect(() => lengthControlledWinRate([{ ...nine, count: 30 }], { level: 1 })).toThrow(RangeError);
  });
});
