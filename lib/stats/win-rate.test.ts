import { describe, it, expect } from "vitest";
import { headline, leader, summarizeWinRate, winRate } from "./win-rate";

describe("winRate", () => {
  it("counts ties and both-bad as half a win", () => {
    // Hand: (90 + 0.5 * (12 + 3)) / (90 + 89 + 12 + 3) = 97.5 / 194 = 0.50257732.
    expect(winRate({ winsA: 90, winsB: 89, ties: 12, bothBad: 3 })).toBeCloseTo(97.5 / 194, 14);
    // Hand: all ties -> exactly 1/2.
    expect(winRate({ winsA: 0, winsB: 0, ties: 4, bothBad: 2 })).toBe(0.5);
  });

  it("is null with no votes and rejects negative counts", () => {
    expect(winRate({ winsA: 0, winsB: 0, ties: 0, bothBad: 0 })).toBeNull();
    expect(() => winRate({ winsA: -1, winsB: 0, ties: 0, bothBad: 0 })).toThrow(RangeError);
  });
});

describe("summarizeWinRate", () => {
  it("90 versus 89 without extras: Wilson on 90/179 and sign test = 1", () => {
    // Wilson 90/179 hand-computed in wilson.test.ts: [0.430262, 0.575207].
    // Sign test 90 vs 89 is exactly 1 (binomial.test.ts).
    const s = summarizeWinRate({ winsA: 90, winsB: 89, ties: 0, bothBad: 0 });
    expect(s.total).toBe(179);
    expect(s.decisive).toBe(179);
    expect(s.winRate).toBeCloseTo(90 / 179, 14);
    expect(s.interval?.low).toBeCloseTo(0.430262, 5);
    expect(s.interval?.high).toBeCloseTo(0.575207, 5);
    expect(s.signTestP).toBe(1);
    expect(s.verdict).toBe("no significant difference at 5%");
  });

  it("excludes ties from the sign test but not from the win rate", () => {
    // Sign test on 9 vs 1 only: 22 / 1024 = 0.021484375 (hand, see binomial.test.ts).
    // Win rate: (9 + 0.5 * 5) / 15 = 11.5 / 15.
    const s = summarizeWinRate({ winsA: 9, winsB: 1, ties: 5, bothBad: 0 });
    expect(s.signTestP).toBeCloseTo(0.021484375, 12);
    expect(s.winRate).toBeCloseTo(11.5 / 15, 14);
    expect(s.verdict).toBe("significant at 5%");
  });

  it("handles an empty tally", () => {
    const s = summarizeWinRate({ winsA: 0, winsB: 0, ties: 0, bothBad: 0 });
    expect(s.winRate).toBeNull();
    expect(s.interval).toBeNull();
    expect(s.signTestP).toBe(1);
  });
});

describe("headline", () => {
  it("matches the AlpacaEval-style sentence", () => {
    expect(headline("alpaca-7b", "text-davinci-003", { winsA: 90, winsB: 89, ties: 12, bothBad: 3 })).toBe(
      "alpaca-7b wins 90 versus 89 comparisons against text-davinci-003 (with 12 ties and 3 both bad)",
    );
  });

  it("omits zero extras and pluralises", () => {
    expect(headline("m1", "m2", { winsA: 3, winsB: 2, ties: 0, bothBad: 0 })).toBe(
      "m1 wins 3 versus 2 comparisons against m2",
    );
    expect(headline("m1", "m2", { winsA: 3, winsB: 2, ties: 1, bothBad: 0 })).toBe(
      "m1 wins 3 versus 2 comparisons against m2 (with 1 tie)",
    );
    expect(headline("m1", "m2", { winsA: 1, winsB: 0, ties: 0, bothBad: 2 })).toBe(
      "m1 wins 1 versus 0 comparison against m2 (with 2 both bad)",
    );
  });

  it("leads with the model that wins more, whichever order the models are given in", () => {
    // The demo study's canonical order put the loser first: the sentence must still lead with the winner.
    expect(headline("tortoise-7b", "hare-13b", { winsA: 21, winsB: 29, ties: 4, bothBad: 1 })).toBe(
      "hare-13b wins 29 versus 21 comparisons against tortoise-7b (with 4 ties and 1 both bad)",
    );
    expect(headline("text-davinci-003", "alpaca-7b", { winsA: 89, winsB: 90, ties: 12, bothBad: 0 })).toBe(
      "alpaca-7b wins 90 versus 89 comparisons against text-davinci-003 (with 12 ties)",
    );
    expect(leader({ winsA: 21, winsB: 29, ties: 0, bothBad: 0 })).toBe("B");
  });

  it("says plainly when it is a dead heat, ties still after the counts", () => {
    expect(headline("m1", "m2", { winsA: 45, winsB: 45, ties: 3, bothBad: 0 })).toBe(
      "Dead heat: m1 wins 45 versus 45 comparisons against m2 (with 3 ties)",
    );
    expect(headline("m1", "m2", { winsA: 0, winsB: 0, ties: 1, bothBad: 2 })).toBe(
      "Dead heat: m1 wins 0 versus 0 comparisons against m2 (with 1 tie and 2 both bad)",
    );
    expect(leader({ winsA: 45, winsB: 45, ties: 9, bothBad: 0 })).toBeNull();
  });
});
