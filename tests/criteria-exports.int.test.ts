// Criteria in every export (issue 20), row by row on makeJudgedStudy's known plan: the CSV's column per
// other criterion, JSONL's criteria by key, the archive's criterion records and each vote's choices,
// AlpacaEval and battles read from the criterion asked for (the primary by default), an unknown key refused.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { nextAssignment } from "@/lib/data/assignments";
import { exportCriteria, exportVoteBatches } from "@/lib/data/results/export-votes";
import { archiveStream } from "@/lib/data/study-archive";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import { exportCriterion } from "@/lib/exports/criteria";
import { CSV_COLUMNS } from "@/lib/exports/formats";
import { exportStream, formatNeedsOutputs } from "@/lib/exports/stream";
import type { ExportFormat } from "@/lib/exports/types";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { JUDGE_PLAN, type JudgedVote, makeJudgedStudy, type PairChoice, sideOf } from "./factories-criteria";
import { makeOpenStudy, makeRaters } from "./factories-voting";

type Study = Awaited<ReturnType<typeof makeJudgedStudy>>;
type Key = keyof JudgedVote;
const KEYS: Key[] = ["overall", "helpful", "harmless"];

let f: Study;
/** Which output each (pair, rater) saw on the left, from the database: "p:r" → leftIsA. */
let leftIsA: Map<string, boolean>;

beforeAll(async () => {
  f = await makeJudgedStudy();
  const votes = await db.vote.findMany({ where: { studyId: f.study.id }, select: { pairId: true, raterId: true, assignment: { select: { leftIsA: true } } } });
  leftIsA = new Map(votes.map((v) => [`${pairIndex(v.pairId)}:${f.raters.findIndex((r) => r.id === v.raterId)}`, v.assignment.leftIsA]));
  expect(leftIsA.size).toBe(9);
});

const pairIndex = (pairId: string) => f.pairs.findIndex((p) => p.id === pairId);
const raterIndex = (pseudonym: string) => f.raters.findIndex((r) => r.pseudonym === pseudonym);
const planned = (p: number, r: number) => JUDGE_PLAN[p]![r]!;
/** The export's value for a choice in A/B terms: the winning model's name, "tie" or "both_bad". */
const valueOf = (choice: PairChoice) => (choice === "A" ? f.modelA.name : choice === "B" ? f.modelB.name : choice === "TIE" ? "tie" : "both_bad");

async function exported(format: ExportFormat, criterion?: string) {
  const criteria = (await exportCriteria(f.study.id)).map((c) => c.key);
  const chosen = exportCriterion(format, criterion, criteria);
  if (!chosen.ok) throw new Error(chosen.message);
  const batches = exportVoteBatches(f.study.id, formatNeedsOutputs(format), criteria);
  return new Response(exportStream(format, batches, { criteria, criterion: chosen.criterion })).text();
}

describe("criteria in the exports", () => {
  it("CSV: the existing columns, then criterion_helpful and criterion_harmless; each row as planned", async () => {
    const csv = await exported("csv");
    expect(csv.split("\r\n")[0]).toBe([...CSV_COLUMNS, "criterion_helpful", "criterion_harmless"].join(","));
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      const [p, r] = [pairIndex(row.pair_id!), raterIndex(row.rater!)];
      const plan = planned(p, r);
      const where = `pair ${p} rater ${r}`;
      // The primary stays in the columns it always had.
      expect(row.choice, where).toBe(sideOf(plan.overall, leftIsA.get(`${p}:${r}`)!));
      expect(row.winner, where).toBe(plan.overall === "A" ? f.modelA.name : plan.overall === "B" ? f.modelB.name : "");
      expect([row.criterion_helpful, row.criterion_harmless], where).toEqual([valueOf(plan.helpful), valueOf(plan.harmless)]);
    }
    // By hand from JUDGE_PLAN: helpful is A's 5 times, B's twice, a tie once, both bad once.
    const helpful = rows.map((r) => r.criterion_helpful);
    expect([f.modelA.name, f.modelB.name, "tie", "both_bad"].map((v) => helpful.filter((h) => h === v).length)).toEqual([5, 2, 1, 1]);
  });

  it("JSONL: every criterion's winner by key, the primary's under its key, in the study's order", async () => {
    const lines = (await exported("jsonl")).trimEnd().split("\n").map((l) => JSON.parse(l) as { pair_id: string; rater: string; criteria: Record<string, string>; winner: string | null });
    expect(lines).toHaveLength(9);
    for (const line of lines) {
      const plan = planned(pairIndex(line.pair_id), raterIndex(line.rater));
      expect(Object.keys(line.criteria)).toEqual(KEYS);
      expect(line.criteria).toEqual({ overall: valueOf(plan.overall), helpful: valueOf(plan.helpful), harmless: valueOf(plan.harmless) });
      if (plan.overall === "A" || plan.overall === "B") expect(line.criteria.overall).toBe(line.winner);
    }
  });

  it("the archive: criterion records in order, and each vote's choices on the other criteria by side and winning output", async () => {
    const records = (await new Response(archiveStream(f.study.id)).text()).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const id = expect.any(String);
    expect(records.filter((r) => r.type === "criterion")).toEqual([
      { type: "criterion", id, key: "overall", label: "Overall", question: "Which answer is better overall?", position: 0 },
      { type: "criterion", id, key: "helpful", label: "Helpful", question: "", position: 1 },
      { type: "criterion", id, key: "harmless", label: "Harmless", question: "", position: 2 },
    ]);
    const votes = records.filter((r) => r.type === "vote") as { pairId: string; rater: string; leftIsA: boolean; choice: string; criteria: unknown }[];
    expect(votes).toHaveLength(9);
    for (const vote of votes) {
      const p = pairIndex(vote.pairId);
      const plan = planned(p, raterIndex(vote.rater));
      const winner = (c: PairChoice) => (c === "A" ? f.pairs[p]!.outputA.id : c === "B" ? f.pairs[p]!.outputB.id : null);
      expect(vote.choice).toBe(sideOf(plan.overall, vote.leftIsA));
      expect(vote.criteria).toEqual((["helpful", "harmless"] as const).map((key) => ({ key, choice: sideOf(plan[key], vote.leftIsA), winnerOutputId: winner(plan[key]) })));
    }
  });

  type Battle = { question_id: string; judge: string; model_a: string; model_b: string; winner: string; criterion: string };
  type Annotation = { instruction: string; annotator: string; generator_1: string; preference: number; both_bad: boolean; criterion: string };

  for (const [asked, key] of [[undefined, "overall"], ["overall", "overall"], ["helpful", "helpful"], ["harmless", "harmless"]] as const) {
    it(`battles and AlpacaEval with ${asked ? `criterion=${asked}` : "no criterion (the primary)"}: the ${key} choice, row by row`, async () => {
      const battles = JSON.parse(await exported("battles", asked)) as Battle[];
      expect(battles).toHaveLength(9);
      for (const b of battles) {
        const [p, r] = [f.pairs.findIndex((x) => x.promptId === b.question_id), raterIndex(b.judge)];
        const choice = planned(p, r)[key];
        const aLeft = leftIsA.get(`${p}:${r}`)!;
        expect(b.model_a, `pair ${p} rater ${r}`).toBe(aLeft ? f.modelA.name : f.modelB.name);
        const winner = choice === "TIE" ? "tie" : choice === "BOTH_BAD" ? "tie (bothbad)" : (choice === "A") === aLeft ? "model_a" : "model_b";
        expect([b.winner, b.criterion], `pair ${p} rater ${r}`).toEqual([winner, key]);
      }
      const alpaca = JSON.parse(await exported("alpaca_eval", asked)) as Annotation[];
      expect(alpaca).toHaveLength(9);
      for (const a of alpaca) {
        const [p, r] = [f.pairs.findIndex((x) => x.prompt.instruction === a.instruction), raterIndex(a.annotator)];
        const choice = planned(p, r)[key];
        expect(a.generator_1).toBe(f.modelA.name);
        expect([a.preference, a.both_bad, a.criterion], `pair ${p} rater ${r}`)
          .toEqual([choice === "A" ? 1 : choice === "B" ? 2 : 1.5, choice === "BOTH_BAD", key]);
      }
    });
  }

  it("counts as planned, by hand: harmless is A's 4 times, B's 4 times, a tie once; overall has one both bad", async () => {
    const harmless = JSON.parse(await exported("alpaca_eval", "harmless")) as Annotation[];
    expect([1, 2, 1.5].map((p) => harmless.filter((a) => a.preference === p).length)).toEqual([4, 4, 1]);
    const overall = JSON.parse(await exported("battles")) as Battle[];
    expect(overall.filter((b) => b.winner === "tie (bothbad)")).toHaveLength(1);
    expect(overall.filter((b) => b.winner === "tie")).toHaveLength(1);
  });

  it("refuse an unknown criterion, naming the study's keys, and criterion= on csv and jsonl", async () => {
    const keys = (await exportCriteria(f.study.id)).map((c) => c.key);
    expect(await exportCriteria(f.study.id)).toEqual([{ key: "overall", label: "Overall" }, { key: "helpful", label: "Helpful" }, { key: "harmless", label: "Harmless" }]);
    expect(exportCriterion("battles", "honest", keys)).toEqual({
      ok: false, code: "unknown_criterion",
      message: 'This study has no criterion "honest": choose one of overall, helpful, harmless (overall is the primary, the default).',
    });
    expect(exportCriterion("csv", "helpful", keys)).toMatchObject({ ok: false, code: "criterion_not_applicable" });
  });
});

describe("a study without criteria", () => {
  it("exports as before: no criterion column, criteria {} in JSONL, no criterion in battles, none in the archive", async () => {
    const plain = await makeOpenStudy(1);
    const [rater] = await makeRaters(plain.study.id, 1);
    const pair = await nextAssignment(plain.study.id, rater!.id);
    if (isRaterError(pair) || !("assignmentId" in pair)) throw new Error("no pair");
    expect(isRaterError(await recordVote(plain.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "TIE" }))).toBe(false);
    const criteria = (await exportCriteria(plain.study.id)).map((c) => c.key);
    expect(criteria).toEqual([]);
    const read = async (format: ExportFormat) => new Response(exportStream(format, exportVoteBatches(plain.study.id, false), { criteria })).text();
    expect((await read("csv")).split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
    expect(JSON.parse((await read("jsonl")).trim())).toMatchObject({ choice: "TIE", criteria: {} });
    const [battle] = JSON.parse(await read("battles")) as Record<string, unknown>[];
    expect(battle).toMatchObject({ winner: "tie" });
    expect(battle).not.toHaveProperty("criterion");
    expect(exportCriterion("battles", "overall", criteria)).toMatchObject({ ok: false, code: "unknown_criterion" });
    const records = (await new Response(archiveStream(plain.study.id)).text()).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.filter((r) => r.type === "criterion")).toEqual([]);
    expect(records.find((r) => r.type === "vote")).toMatchObject({ criteria: [] });
  });
});
