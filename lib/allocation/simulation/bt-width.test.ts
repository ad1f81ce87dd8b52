import { describe, expect, it } from "vitest";
import { Z_95 } from "@/lib/stats/wilson";
import { btMeanWidth } from "./bt-width";

// Three models, points[i * 3 + j]: wins of i over j.
const points = Float64Array.from([0, 30, 40, 20, 0, 25, 10, 25, 0]);
const games = Float64Array.from([0, 50, 50, 0, 0, 50, 0, 0, 0]);

describe("btMeanWidth", () => {
  it("gives two models' Wald width by hand: 2 z 400/ln 10 sqrt(1 / (4 n p (1 - p))) each", () => {
    // 30 wins of 50: p = 0.6; the centred log-strength of each is half the difference, variance 1 / (4 n p q).
    const width = btMeanWidth(Float64Array.from([0, 30, 20, 0]), 2)!.width;
    expect(width).toBeCloseTo(2 * Z_95 * (400 / Math.LN10) * Math.sqrt(1 / (4 * 50 * 0.6 * 0.4)), 6);
  });

  it("reads the same width through the sandwich when every vote weighs 1", () => {
    expect(btMeanWidth(points, 3, undefined, games)!.width).toBeCloseTo(btMeanWidth(points, 3)!.width, 10);
  });

  it("does not narrow when every vote counts twice: weights that are all alike change nothing", () => {
    const doubled = points.map((x) => 2 * x);
    const squared = games.map((x) => 4 * x);
    expect(btMeanWidth(doubled, 3, undefined, squared)!.width).toBeCloseTo(btMeanWidth(points, 3)!.width, 8);
    // Read as plain votes, the doubled counts would claim a width 1/sqrt(2) as large.
    expect(btMeanWidth(doubled, 3)!.width).toBeCloseTo(btMeanWidth(points, 3)!.width / Math.SQRT2, 8);
  });
});
