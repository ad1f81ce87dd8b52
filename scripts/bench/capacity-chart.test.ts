import { describe, expect, it } from "vitest";
import { capacitySvg, logTicks } from "./capacity-chart";
import type { StepResult } from "./capacity-math";

const step = (raters: number, nextP99: number, voteP99: number): StepResult => ({
  raters, errors: 0, next: { n: 10, p50: 1, p99: nextP99, max: nextP99 }, vote: { n: 10, p50: 1, p99: voteP99, max: voteP99 },
});

describe("capacity chart", () => {
  it("puts log ticks at 1, 2, 5 × 10^k within the range", () => {
    expect(logTicks(3, 600)).toEqual([5, 10, 20, 50, 100, 200, 500]);
  });

  it("draws one point per N for each route, the limit line and the N labels", () => {
    const svg = capacitySvg([step(500, 20, 10), step(1_000, 40, 15), step(2_000, 300, 90)], 100, "A <title>");
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg).toContain("p99 limit 100 ms");
    expect(svg).toContain(">2,000</text>");
    expect(svg).toContain("A &lt;title>");
  });
});
