import { describe, it, expect } from "vitest";
import { bradleyTerryBootstrap } from "./bradley-terry-bootstrap";

const rec = (a: string, b: string, winsA: number, winsB: number, ties = 0) => ({ a, b, winsA, winsB, ties });

describe("bradleyTerryBootstrap", () => {
  it("is deterministic for a seed", () => {
    const records = [rec("A", "B", 30, 20, 5), rec("B", "C", 25, 20), rec("A", "C", 30, 15)];
    const a = bradleyTerryBootstrap(records, { seed: "study", resamples: 200 });
    const b = bradleyTerryBootstrap(records, { seed: "study", resamples: 200 });
    expect(a).toEqual(b);
    expect(a.resamples).toBe(200);
    expect(a.failed).toBe(0);
  });

  it("matches the delta-method interval for two models", () => {
    // Hand: 300:100 -> p = 0.75, score_A = 1000 + 200 * log10(3) = 1095.42.
    // score_A = 1000 + (200 / ln 10) * logit(p); SE(logit p) = 1 / sqrt(n p q) = 1 / sqrt(75) = 0.11547,
    // so SE(score_A) = 86.859 * 0.11547 = 10.03 and the 95% interval is ~[1075.8, 1115.1].
    // Allow 3 points for Monte Carlo error and the logit's skew.
    const r = bradleyTerryBootstrap([rec("A", "B", 300, 100)], { seed: 1 });
    const a = r.intervals.find((i) => i.model === "A")!;
    expect(Math.abs(a.low - 1075.8)).toBeLessThan(3);
    expect(Math.abs(a.high - 1115.1)).toBeLessThan(3);
    expect(a.low).toBeLessThan(r.fit!.scores[0]!);
    expect(a.high).toBeGreaterThan(r.fit!.scores[0]!);
  });

  it("counts resamples where the MLE does not exist", () => {
    // Hand: A wins 1 of 21 votes; a resample gives A no win with probability (20/21)^21 = 0.3589,
    // so about 359 of 1000 resamples fail (SE ~15).
    const r = bradleyTerryBootstrap([rec("A", "B", 1, 20)], { seed: 3 });
    expect(r.failed).toBeGreaterThan(300);
    expect(r.failed).toBeLessThan(420);
    expect(r.resamples + r.failed).toBe(1000);
    expect(bradleyTerryBootstrap([rec("A", "B", 1, 20)], { seed: 3, pseudoTies: 1 }).failed).toBe(0);
  });

  it("returns no intervals when the full data cannot be fitted", () => {
    expect(bradleyTerryBootstrap([rec("A", "B", 5, 0)])).toEqual({ fit: null, intervals: [], resamples: 0, failed: 0 });
  });
});
