import { describe, expect, it } from "vitest";
import { assembleResults, type ResultsInput } from "./assemble";
import { levelText, sequentialFigures, stopText, type StopSettings } from "./sequential";
import type { ComparisonJson } from "./types";

const ordinary: StopSettings = { adaptiveVotes: false, stopLevel: null, voteBudget: null, votesPerPair: 3, stoppedAt: null, stopReason: null, sampling: false };
const at = new Date("2026-12-02T10:41:07Z");

const study: ResultsInput["study"] = {
  id: "s1", name: "S", status: "OPEN", isDemo: false, models: ["m1", "m2"], pairs: 20, goldPairs: 0, excludedPairs: 0, votesPerPair: 3, minSecondsPerPair: 0,
  leftOutAtCreation: { selfReference: null, identicalOrEmpty: null },
};

/** m2 leads on votes (so it is model A of the comparison) while the marks are stored m1's side up. */
function assembled(settings: StopSettings, marks: string) {
  return assembleResults({
    study, excludedRaters: { pseudonyms: [], unknown: [] }, pairOrders: [{ modelA: "m1", modelB: "m2", pairs: 20 }],
    patterns: [{ modelA: "m1", modelB: "m2", winsA: 0, winsB: 2, ties: 0, bothBad: 0, pairs: 16 }], promptPatterns: [], categories: [],
    sides: { leftWins: 0, rightWins: 0, longerWins: 0, shorterWins: 0 }, promptsVoted: 16,
    raters: [], hours: [], judgeRuns: [], judgeRows: [], now: new Date(0),
    sequential: { settings, marks: [{ modelA: "m1", modelB: "m2", marks }] },
  });
}

describe("sequential figures", () => {
  it("orients the marks to the comparison's model A and states the interval", () => {
    const r = assembled(ordinary, `${"B".repeat(16)}oooo`);
    const c = r.comparisons[0]!;
    expect(c.modelA).toBe("m2");
    expect(c.anytime).toMatchObject({ alpha: 0.05, estimate: 1, prompts: 16, waiting: 4, decided: true });
    expect(c.anytime!.interval.low).toBeCloseTo(0.52933, 4);
    expect(c.anytime!.text).toBe(
      "Anytime-valid 95% interval (valid at any stop): [52.9%, 100.0%] over 16 prompts (decided); 4 more prompts not yet read (open, or behind an open one).",
    );
    expect(r.sequential).toMatchObject({ level: 0.05, modelPairs: 1, perPairLevel: 0.05, decided: 1, stop: null, fixedSampleValid: true, fixedSampleNote: null, voteLevelNote: null });
    expect(r.sequential!.state).toBe("1 of 1 comparison decided by the anytime-valid intervals at 5%; no early stop is set.");
  });

  it("splits the study's level over its model pairs (Bonferroni) and says so", () => {
    const comparisons = [{ modelA: "a", modelB: "b" }, { modelA: "a", modelB: "c" }] as ComparisonJson[];
    const rows = [{ modelA: "a", modelB: "b", marks: "A".repeat(16) }, { modelA: "c", modelB: "a", marks: "T" }, { modelA: "b", modelB: "c", marks: "o" }];
    const { comparisons: out, sequential } = sequentialFigures({ ...ordinary, stopLevel: 0.06, voteBudget: 600 }, rows, comparisons);
    expect(sequential).toMatchObject({ level: 0.06, modelPairs: 3, decided: 0 });
    expect(sequential.perPairLevel).toBeCloseTo(0.02, 12);
    // At 2% per pair 16 straight wins are not enough (at 5% they are).
    expect(out[0]!.anytime).toMatchObject({ decided: false, prompts: 16 });
    expect(out[0]!.anytime!.text).toContain("Anytime-valid 94% interval (valid at any stop; 98% per comparison, Bonferroni over 3 model pairs)");
    expect(out[1]!.anytime).toMatchObject({ estimate: 0.5, prompts: 1 });
    expect(sequential.state).toBe(
      "Running: 0 of 3 comparisons decided by the anytime-valid intervals at 6%; the study stops when every comparison is decided or at 600 votes.",
    );
  });

  it("labels the fixed-sample figures, and says how votes are weighted, in an adaptive study", () => {
    const s = assembled({ ...ordinary, adaptiveVotes: true }, "BBo").sequential!;
    expect(s.fixedSampleValid).toBe(false);
    expect(s.fixedSampleNote).toBe(
      "Not valid after a data-dependent stop: votes went to prompts by their earlier votes (adaptive votes), so the fixed-sample intervals and tests (Wilson, bootstrap, sign test, votes needed, the ranking's intervals) under-cover. Read the anytime-valid interval.",
    );
    expect(s.voteLevelNote).toBe(
      "Weighted by votes: a prompt decided early by agreeing votes counts as few as 2, a contested one all 3, so contested prompts weigh more. The prompt-level figures weigh each prompt once.",
    );
  });

  it("says when and why a study stopped, and labels the fixed-sample figures after an early stop", () => {
    const decided = assembled({ ...ordinary, stopLevel: 0.05, stoppedAt: at, stopReason: "DECIDED" }, "B".repeat(16)).sequential!;
    expect(decided.stop).toEqual({ at: at.toISOString(), reason: "DECIDED", text: "Stopped 2026-12-02 10:41 UTC: every comparison decided at 5% (Bonferroni over 1 model pair)" });
    expect(decided.state).toBe(`${decided.stop!.text}.`);
    expect(decided.fixedSampleValid).toBe(false);
    expect(decided.fixedSampleNote).toContain("the study stopped early, at a time its votes chose");
    expect(decided.voteLevelNote).toBeNull();
    expect(stopText("BUDGET", at, { level: 0.05, modelPairs: 3, voteBudget: 600 })).toBe("Stopped 2026-12-02 10:41 UTC: vote budget of 600 spent");
  });

  it("reads a sampling study's prompts the draw put each pair to raters on, and says how many were drawn", () => {
    const marks = `${"Ax".repeat(15)}Aoo`;
    const inclusions = [...Array<number>(32).fill(0.5), null];
    const comparisons = [{ modelA: "b", modelB: "a" }] as ComparisonJson[];
    const rows = [{ modelA: "a", modelB: "b", marks, inclusions }];
    const { comparisons: out, sequential } = sequentialFigures({ ...ordinary, adaptiveVotes: true, sampling: true }, rows, comparisons);
    // Model b leads, so the marks (a's side up) are flipped: b lost every drawn prompt. 16 drawn wins decide (anytime-win-rate.test.ts).
    expect(out[0]!.anytime).toMatchObject({ estimate: 0, prompts: 31, drawn: 16, notDrawn: 15, waiting: 2, decided: true });
    expect(out[0]!.anytime!.interval.high).toBeCloseTo(1 - 0.52933, 4);
    expect(out[0]!.anytime!.text).toBe(
      "Anytime-valid 95% interval (valid at any stop): [0.0%, 47.1%] over 31 prompts, read on the 16 the draw put this pair to raters on, " +
      "not the 15 it left out (decided); 2 more prompts not yet read (open, not opened yet, or behind an open one).",
    );
    expect(sequential.decided).toBe(1);
    const allDrawn = sequentialFigures({ ...ordinary, adaptiveVotes: true, sampling: true }, [{ ...rows[0]!, marks: "AAo", inclusions: [0.5, 1, null] }], comparisons);
    expect(allDrawn.comparisons[0]!.anytime!.text).toContain("over 2 prompts, all of them drawn for this pair (not yet decided)");
    expect(sequential.samplingNote).toContain("reads the prompts the draw put it to raters on");
    expect(sequential.samplingNote).toContain("optional skipping: Doob 1936; Kallenberg 1988");
    expect(sequentialFigures(ordinary, [], []).sequential.samplingNote).toBeNull();
  });

  it("writes levels without trailing zeros", () => {
    expect([levelText(0.05), levelText(0.95), levelText(0.05 / 3), levelText(1 - 0.05 / 3)]).toEqual(["5%", "95%", "1.67%", "98.3%"]);
  });
});
