import { describe, expect, it } from "vitest";
import { closedPrefixScores } from "@/lib/allocation/majority-decided";
import { anytimeWinRate, prefixScores } from "./anytime-win-rate";
import { confidenceSequence } from "./confidence-sequence";

describe("prefixScores", () => {
  it("reads closed prompts up to the first open one, skipping closed prompts without counted votes", () => {
    expect(prefixScores("AT-BoAA")).toEqual({ scores: [1, 0.5, 0], waiting: 3 });
    expect(prefixScores("AB", true)).toEqual({ scores: [0, 1], waiting: 0 });
    expect(prefixScores("oAAA")).toEqual({ scores: [], waiting: 4 });
  });

  it("refuses an unknown mark", () => {
    expect(() => prefixScores("AX")).toThrow(RangeError);
  });

  it("gives the scores closedPrefixScores gives from the ordered tallies (k = 3)", () => {
    // Tallies in the fixed order: decided A (2-0), full tie bloc (1-1-1), decided B (0-2), open (1-0), then a full A.
    const tallies = [
      { winsA: 2, winsB: 0, ties: 0 }, { winsA: 1, winsB: 1, ties: 1 }, { winsA: 0, winsB: 2, ties: 0 },
      { winsA: 1, winsB: 0, ties: 0 }, { winsA: 3, winsB: 0, ties: 0 },
    ];
    expect(prefixScores("ATBoA").scores).toEqual(closedPrefixScores(tallies, 3));
  });
});

describe("anytimeWinRate", () => {
  it("is [0, 1] with no estimate before the first closed prompt", () => {
    expect(anytimeWinRate("oAB", 0.05)).toEqual({ estimate: null, interval: { low: 0, high: 1 }, prompts: 0, waiting: 3, decided: false });
  });

  // Hand computation of WSR's PrPl-EB CS (alpha 0.05, bets capped at 1/2) for prompts all won by A: the
  // lower bound after 15 is 0.4980 (50% still inside), after 16 it is 0.5293 (decided).
  it("decides on the 16th straight prompt won by A, not the 15th", () => {
    const at15 = anytimeWinRate("A".repeat(15), 0.05);
    expect(at15.interval.low).toBeCloseTo(0.49797, 4);
    expect(at15.decided).toBe(false);
    const at16 = anytimeWinRate(`${"A".repeat(16)}oAAA`, 0.05);
    expect(at16.interval.low).toBeCloseTo(0.52933, 4);
    expect(at16).toMatchObject({ estimate: 1, prompts: 16, waiting: 4, decided: true });
  });

  it("orients to model B when flipped, and matches confidenceSequence on the scores", () => {
    const marks = "AABATAAAAAAAAAAAAAAA";
    const flipped = anytimeWinRate(marks, 0.05, true);
    const scores = [...marks].map((m) => (m === "A" ? 0 : m === "B" ? 1 : 0.5));
    expect(flipped.interval).toEqual(confidenceSequence(scores, { alpha: 0.05 }));
    expect(flipped.estimate).toBeCloseTo(1.5 / 20, 12);
    // Hand computation: the same scores seen from A give a lower bound of 0.5229.
    expect(anytimeWinRate(marks, 0.05).interval.low).toBeCloseTo(0.52293, 4);
  });

  it("is wider at a Bonferroni level: 20 straight wins give 0.6234 at 5%, 0.5541 at 2.5%", () => {
    expect(anytimeWinRate("A".repeat(20), 0.05).interval.low).toBeCloseTo(0.62340, 4);
    expect(anytimeWinRate("A".repeat(20), 0.025).interval.low).toBeCloseTo(0.55409, 4);
  });
});
