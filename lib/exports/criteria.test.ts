import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { criterionOutcome, exportCriterion, onCriterion } from "./criteria";
import { CSV_COLUMNS, csvHeader, voteCsv, voteJson, votePreference } from "./formats";
import { exportStream } from "./stream";
import type { ExportVote } from "./types";

const KEYS = ["overall", "helpful", "harmless", "honest"] as const;

// davinci (output B) shown on the left; overall LEFT = davinci, helpful RIGHT = alpaca-7b, harmless a tie, honest both bad.
function judged(overrides: Partial<ExportVote> = {}): ExportVote {
  return {
    voteId: "v1", studyId: "s1", pairId: "p1", promptId: "q1", instruction: "Say hi", input: "", category: null,
    dataset: "demo", modelA: "alpaca-7b", modelB: "davinci", leftIsA: false, choice: "LEFT", winner: "davinci",
    rater: "r_abc", servedAt: new Date("2026-01-01T10:00:00Z"), votedAt: new Date("2026-01-01T10:00:12Z"),
    msTaken: 12000, tooFast: false, flagged: false, rationale: null, gold: false, excluded: false, isDemo: false,
    issuesA: [], issuesB: [], outputA: "hi", outputB: "hello",
    criteria: [
      { key: "overall", choice: "LEFT", winner: "davinci" },
      { key: "helpful", choice: "RIGHT", winner: "alpaca-7b" },
      { key: "harmless", choice: "TIE", winner: null },
      { key: "honest", choice: "BOTH_BAD", winner: null },
    ],
    ...overrides,
  };
}

async function* batches(...groups: ExportVote[][]) {
  for (const g of groups) yield g;
}

describe("a criterion's choice in the exports", () => {
  it("is the winner's name, tie or both_bad, and null when the vote lacks it", () => {
    expect(judged().criteria.map(criterionOutcome)).toEqual(["davinci", "alpaca-7b", "tie", "both_bad"]);
    expect(criterionOutcome({ key: "x", choice: null, winner: null })).toBeNull();
  });

  it("replaces the vote's choice when the vote is seen through one criterion", () => {
    expect(onCriterion(judged(), "helpful")).toMatchObject({ choice: "RIGHT", winner: "alpaca-7b", voteId: "v1" });
    expect(onCriterion(judged(), "overall")).toMatchObject({ choice: "LEFT", winner: "davinci" });
    expect(onCriterion(judged(), "fun")).toBeNull();
  });
});

describe("criterion=", () => {
  it("defaults to the primary for the one-preference formats, and to none for csv, jsonl and studies without criteria", () => {
    expect(exportCriterion("battles", undefined, KEYS)).toEqual({ ok: true, criterion: "overall" });
    expect(exportCriterion("alpaca_eval", undefined, ["helpful", "honest"])).toEqual({ ok: true, criterion: "helpful" });
    expect(exportCriterion("csv", undefined, KEYS)).toEqual({ ok: true, criterion: undefined });
    expect(exportCriterion("battles", undefined, [])).toEqual({ ok: true, criterion: undefined });
    expect(exportCriterion("alpaca_eval", "harmless", KEYS)).toEqual({ ok: true, criterion: "harmless" });
  });

  it("refuses a key the study lacks, naming the keys; and refuses csv, jsonl and a study without criteria", () => {
    expect(exportCriterion("battles", "fun", KEYS)).toEqual({
      ok: false, code: "unknown_criterion",
      message: 'This study has no criterion "fun": choose one of overall, helpful, harmless, honest (overall is the primary, the default).',
    });
    expect(exportCriterion("battles", "overall", [])).toMatchObject({ ok: false, code: "unknown_criterion", message: expect.stringContaining("no criteria") });
    expect(exportCriterion("jsonl", "helpful", KEYS)).toMatchObject({ ok: false, code: "criterion_not_applicable" });
  });
});

describe("export formats with criteria", () => {
  it("CSV: the existing columns unchanged, then one column per criterion other than the primary", async () => {
    expect(csvHeader(KEYS)).toBe(`${[...CSV_COLUMNS, "criterion_helpful", "criterion_harmless", "criterion_honest"].join(",")}\r\n`);
    expect(csvHeader([])).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
    const csv = await new Response(exportStream("csv", batches([judged(), judged({ voteId: "v2", modelA: "=evil", criteria: [
      { key: "overall", choice: "TIE", winner: null }, { key: "helpful", choice: "LEFT", winner: "=evil" },
      { key: "harmless", choice: null, winner: null }, { key: "honest", choice: "RIGHT", winner: "davinci" },
    ] })]), { criteria: KEYS })).text();
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.vote_id, r.choice, r.winner, r.criterion_helpful, r.criterion_harmless, r.criterion_honest])).toEqual([
      ["v1", "LEFT", "davinci", "alpaca-7b", "tie", "both_bad"],
      // A model name is free text, guarded against formulas as in its own columns.
      ["v2", "LEFT", "davinci", "'=evil", "", "davinci"],
    ]);
    expect(voteCsv(judged({ criteria: [] })).split(",")).toHaveLength(CSV_COLUMNS.length);
  });

  it("JSONL: every criterion's winner by key, the primary included; {} without criteria", () => {
    expect(voteJson(judged()).criteria).toEqual({ overall: "davinci", helpful: "alpaca-7b", harmless: "tie", honest: "both_bad" });
    expect(Object.keys(voteJson(judged()).criteria)).toEqual([...KEYS]);
    expect(voteJson(judged({ criteria: [] })).criteria).toEqual({});
  });

  it("AlpacaEval and battles: the criterion's choice is the preference, and the record names it", () => {
    expect(votePreference("alpaca_eval", judged(), "helpful")).toMatchObject({ generator_1: "alpaca-7b", preference: 1, both_bad: false, criterion: "helpful" });
    expect(votePreference("alpaca_eval", judged(), "honest")).toMatchObject({ preference: 1.5, both_bad: true, criterion: "honest" });
    expect(votePreference("alpaca_eval", judged(), "overall")).toMatchObject({ preference: 2, criterion: "overall" });
    expect(votePreference("battles", judged(), "helpful")).toMatchObject({ model_a: "davinci", winner: "model_b", criterion: "helpful" });
    expect(votePreference("battles", judged(), "harmless")).toMatchObject({ winner: "tie", criterion: "harmless" });
    expect(votePreference("battles", judged({ criteria: [] }))).not.toHaveProperty("criterion");
    expect(votePreference("battles", judged(), "fun")).toBeNull();
  });

  it("streams the chosen criterion, the primary by default, and only for a study with criteria", async () => {
    const read = async (format: "battles" | "alpaca_eval", options?: { criteria: readonly string[]; criterion?: string }) =>
      JSON.parse(await new Response(exportStream(format, batches([judged()]), options)).text()) as Record<string, unknown>[];
    expect((await read("battles", { criteria: KEYS, criterion: "helpful" }))[0]).toMatchObject({ winner: "model_b", criterion: "helpful" });
    expect((await read("battles", { criteria: KEYS }))[0]).toMatchObject({ winner: "model_a", criterion: "overall" });
    expect((await read("alpaca_eval", { criteria: KEYS, criterion: "harmless" }))[0]).toMatchObject({ preference: 1.5, both_bad: false });
    expect((await read("battles"))[0]).not.toHaveProperty("criterion");
  });
});
