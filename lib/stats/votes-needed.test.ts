import { describe, it, expect } from "vitest";
import { votesNeeded } from "./votes-needed";
import { wilsonInterval } from "./wilson";

const tally = (winsA: number, winsB: number, ties = 0, bothBad = 0) => ({ winsA, winsB, ties, bothBad });

describe("votesNeeded", () => {
  it("60/40 split needs 97 votes in total", () => {
    // Hand: threshold (z / (2 * 0.1))^2 = 9.799820^2 = 96.0365, so N = 97; from 10 votes, 87 more.
    expect(votesNeeded(tally(6, 4))).toBe(87);
    // Ties count as half: 5 + 0.5 * 2 = 6 of 10, the same 60% split.
    expect(votesNeeded(tally(5, 3, 2))).toBe(87);
    expect(votesNeeded(tally(60, 40))).toBe(0);
  });

  it("agrees with the Wilson interval at the boundary", () => {
    // Hand (Wilson formula): 57.6 of 96 -> low 0.49998 (still covers 1/2);
    // 58.2 of 97 -> low 0.50050 (excludes 1/2).
    expect(wilsonInterval(57.6, 96)?.low).toBeLessThan(0.5);
    expect(wilsonInterval(58.2, 97)?.low).toBeGreaterThan(0.5);
  });

  it("55/45 needs the classic 385 votes", () => {
    // Published survey rule: z^2 * 0.25 / 0.05^2 = 384.15 -> 385 respondents for a +/-5% margin.
    expect(votesNeeded(tally(55, 45))).toBe(285);
    expect(votesNeeded(tally(45, 55))).toBe(285);
  });

  it("is null for an exactly even split or no votes", () => {
    expect(votesNeeded(tally(5, 5))).toBeNull();
    expect(votesNeeded(tally(0, 0, 3, 1))).toBeNull();
    expect(votesNeeded(tally(0, 0))).toBeNull();
  });
});
