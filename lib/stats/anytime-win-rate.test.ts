import { describe, expect, it } from "vitest";
import { closedPrefixScores } from "@/lib/allocation/majority-decided";
import { pairSequenceInterval } from "@/lib/stats/pair-sequence";
import { anytimeWinRate, prefixDraws, prefixScores } from "./anytime-win-rate";
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
    const flipped = anytimeWinRate(marks, 0.05, { flipped: true });
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

describe("anytimeWinRate with sampled model pairs (inclusion probabilities)", () => {
  // Prompt 1 drawn at q 1/2 and won by A, prompt 2 left out (q 1/4), prompt 3 drawn at q 1 and won by B.
  const marks = "AxB";
  const inclusions = [0.5, 0.25, 1];
  const draws = [{ probability: 0.5, score: 1 }, { probability: 0.25, score: null }, { probability: 1, score: 0 }];

  it("reads the draws of the closed prefix: 'x' an observation without a score, '-' skipped, 'o' the end", () => {
    expect(prefixDraws(marks, inclusions)).toEqual({ draws, waiting: 0 });
    expect(prefixDraws("A-xoA", [0.5, 0.5, 0.25, null, 0.5])).toEqual({ draws: [draws[0], { probability: 0.25, score: null }], waiting: 2 });
    // An opened pair still open ends the prefix as an unopened prompt does.
    expect(prefixDraws("oA", [0.5, 0.5])).toEqual({ draws: [], waiting: 2 });
    expect(prefixDraws("TB", [1, 1], true).draws.map((d) => d.score)).toEqual([0.5, 1]);
  });

  it("refuses marks and probabilities that do not line up", () => {
    expect(() => prefixDraws("AB", [0.5])).toThrow(RangeError);
    expect(() => prefixDraws("Ax", [0.5, null])).toThrow(RangeError);
    expect(() => anytimeWinRate("Ax", 0.05)).toThrow(RangeError);
    expect(() => anytimeWinRate("A", 0.05, { inclusions: [0] })).toThrow(RangeError);
  });

  it("is pairSequenceInterval of the same draws; the estimate is the drawn prompts' mean", () => {
    const cs = anytimeWinRate(marks, 0.05, { inclusions });
    expect(cs.interval).toEqual(pairSequenceInterval(draws, { alpha: 0.05 }));
    expect(cs).toMatchObject({ prompts: 3, drawn: 2, notDrawn: 1, waiting: 0, decided: false, estimate: 0.5 });
    // Prompts 1 (A) and 3 (a tie) drawn: A's mean 3/4, B's 1/4, whatever their probabilities.
    expect(anytimeWinRate("AxT", 0.05, { inclusions }).estimate).toBe(0.75);
    expect(anytimeWinRate("AxT", 0.05, { inclusions, flipped: true }).estimate).toBe(0.25);
    expect(anytimeWinRate("xx", 0.05, { inclusions: [0.5, 0.5] })).toMatchObject({ estimate: null, prompts: 2, drawn: 0, notDrawn: 2, interval: { low: 0, high: 1 } });
  });

  // Hand computation (confidence-sequence.ts's formulas): n straight wins bet the cap 1/2 each, their
  // penalty psiE(1/2) sum_{i<=n} (1/(2i))^2, so the lower bound is 1 - (log 40 + 0.1931472 * sum 1/(4 i^2)) / (n/2):
  // n = 15: 1 - (3.6888795 + 0.0763150) / 7.5 = 0.49798; n = 16: 1 - (3.6888795 + 0.0765014) / 8 = 0.52933.
  it("reads only the prompts drawn: 'AxAx…' at q 1/2 is undecided after 15 wins, whatever is left out between, decided at the 16th", () => {
    const run = (marks: string) => anytimeWinRate(marks, 0.05, { inclusions: Array<number>(marks.length).fill(0.5) });
    expect(run("Ax".repeat(15)).interval.low).toBeCloseTo(0.49798, 4);
    expect(run("Ax".repeat(15))).toMatchObject({ decided: false, prompts: 30, drawn: 15, notDrawn: 15, estimate: 1 });
    expect(run(`${"Ax".repeat(15)}xxx`).interval).toEqual(run("Ax".repeat(15)).interval);
    expect(run(`${"Ax".repeat(15)}A`).interval.low).toBeCloseTo(0.52933, 4);
    expect(run(`${"Ax".repeat(15)}A`)).toMatchObject({ decided: true, drawn: 16 });
  });

  it("is the CS without sampling when every prompt was drawn with probability 1", () => {
    const all = `${"A".repeat(16)}T-BoAA`;
    const weighted = anytimeWinRate(all, 0.05, { inclusions: Array<number>(all.length).fill(1) });
    const plain = anytimeWinRate(all, 0.05);
    expect(weighted.interval.low).toBeCloseTo(plain.interval.low, 12);
    expect(weighted.interval.high).toBeCloseTo(plain.interval.high, 12);
    expect(weighted).toMatchObject({ prompts: plain.prompts, waiting: plain.waiting, decided: plain.decided, drawn: 18, notDrawn: 0 });
    expect(weighted.estimate).toBeCloseTo(plain.estimate!, 12);
  });
});
