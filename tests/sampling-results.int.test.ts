// Issue 22, sampling of model pairs, on the results side: a three-model study turned into a sampling study
// by hand (opening order, inclusion probabilities, draws), then the marks and probabilities per model pair,
// the dashboard's anytime interval over the prompts drawn against pairSequenceInterval of the same draws, the stop and the opening's comparison decisions, the exports' inclusion probability and the prompt
// list's wording for pairs raters never get.
import { beforeAll, describe, expect, it } from "vitest";
import { bradleyTerry } from "@/lib/stats/bradley-terry";
import { pairSequenceInterval, type PromptDraw } from "@/lib/stats/pair-sequence";
import { db } from "@/lib/db";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import { exportVoteBatches } from "@/lib/data/results/export-votes";
import { listResultPrompts } from "@/lib/data/results/prompt-list";
import { promptMarks } from "@/lib/data/results/prompt-marks";
import { studyFiguresVersion } from "@/lib/data/results/snapshots";
import { comparisonDecisions, evaluateStopping } from "@/lib/data/stopping";
import { studyStopStatus } from "@/lib/data/study-stop";
import { exportStream } from "@/lib/exports/stream";
import { getStudyResults } from "@/lib/results/study-results";
import type { ExportVote } from "@/lib/exports/types";
import { castVote, makeModels, makeStudy, type Outcome } from "./factories-results";
import { makeRaters } from "./factories-voting";
import { unique } from "./factories";

/*
 * Models lo < mid < hi by id; 30 prompts, opened in the order sampleRank = 7 i mod 30 (prompt i), one vote
 * planned per pair (k = 1), stopLevel 15%, so each of the 3 model pairs is read at 5% (Bonferroni).
 * Output A is the lower id's on even prompts, the higher id's on odd ones (the marks are lo's side up).
 * By rank r, the 29 prompts of ranks 0..28 opened:
 *  lo-mid: q 1/2, drawn on even ranks (lo wins), left out on odd ones -> AxAx…A, 29 prompts, 15 drawn: low 0.49798, not decided
 *  lo-hi:  q 1, drawn, lo wins; rank 20 not voted yet              -> 20 A, then open: low 0.6234, decided
 *  mid-hi: q 1, drawn, hi wins                                       -> 29 B: decided toward hi
 *  rank 29 not opened yet. A gold pair (lo against mid, no rank, one vote) is in no mark.
 * Then rank 29 opens, draws lo-mid, and its vote for lo, the 16th drawn win, decides it (low 0.52933, as in
 * lib/stats/anytime-win-rate.test.ts), so every comparison is decided and the study stops.
 */
const PROMPTS = 30;
type PairKey = "lo-mid" | "lo-hi" | "mid-hi";
const PAIRS: [PairKey, number, number][] = [["lo-mid", 0, 1], ["lo-hi", 0, 2], ["mid-hi", 1, 2]];

/** What the draw did on a prompt of the given rank: its probability, and lo's score when drawn and voted. */
function plan(key: PairKey, rank: number): { q: number; drawn: boolean; loWins: boolean; voted: boolean } {
  if (key === "lo-mid") return { q: 0.5, drawn: rank % 2 === 0 || rank === PROMPTS - 1, loWins: true, voted: rank % 2 === 0 };
  if (key === "lo-hi") return { q: 1, drawn: true, loWins: true, voted: rank !== 20 };
  return { q: 1, drawn: true, loWins: false, voted: true };
}

/** The draws pairSequenceInterval reads over ranks 0..ranks-1, lo's side up (flipped: the other side). */
function draws(key: PairKey, ranks: number, flipped = false): PromptDraw[] {
  return Array.from({ length: ranks }, (_, r) => {
    const p = plan(key, r);
    const score = p.loWins !== flipped ? 1 : 0;
    return { probability: p.q, score: p.drawn ? score : null };
  });
}

const rankOf = (prompt: number) => (7 * prompt) % PROMPTS;

let studyId = "";
let models: { id: string; name: string }[] = [];
/** pairs[key][rank]: the study pair of that model pair on the prompt of that rank. */
const pairs: Record<PairKey, { id: string; outputAId: string; outputBId: string; aIsLo: boolean }[]> = { "lo-mid": [], "lo-hi": [], "mid-hi": [] };
let goldPairId = "";

async function open(rank: number, opened: number) {
  for (const [key] of PAIRS) {
    const p = plan(key, rank);
    await db.$executeRaw`UPDATE "Pair" SET inclusion = ${p.q}, held = ${!p.drawn} WHERE id = ${pairs[key][rank]!.id}`;
  }
  await db.$executeRaw`UPDATE "Study" SET "openedPrompts" = ${opened} WHERE id = ${studyId}`;
}

beforeAll(async () => {
  const made = await makeModels("lo", "mid", "hi");
  // Ordered by id as PostgreSQL orders them (LEAST / GREATEST in the marks).
  models = await db.$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM "LanguageModel" WHERE id IN (${made[0]!.id}, ${made[1]!.id}, ${made[2]!.id}) ORDER BY id`;
  const study = await makeStudy(models);
  studyId = study.id;
  await db.study.update({ where: { id: studyId }, data: { votesPerPair: 1, adaptiveVotes: true, stopLevel: 0.15 } });
  const tag = unique("s");
  const prompts = await db.prompt.createManyAndReturn({
    data: Array.from({ length: PROMPTS + 1 }, (_, i) => ({ instruction: `Sampled ${i} ${tag}`, textHash: promptTextHash(`Sampled ${i} ${tag}`, "") })), select: { id: true, instruction: true },
  });
  prompts.sort((x, y) => Number(x.instruction.split(" ")[1]) - Number(y.instruction.split(" ")[1]));
  const outputs = await db.output.createManyAndReturn({
    data: prompts.flatMap((p, i) => models.map((m) => ({ promptId: p.id, modelId: m.id, text: `answer of ${m.name} to ${i}` }))),
    select: { id: true, promptId: true, modelId: true },
  });
  const outputOf = (promptId: string, model: number) => outputs.find((o) => o.promptId === promptId && o.modelId === models[model]!.id)!.id;
  for (const [i, prompt] of prompts.slice(0, PROMPTS).entries()) {
    for (const [key, a, b] of PAIRS) {
      const aIsLo = i % 2 === 0;
      const [outputAId, outputBId] = aIsLo ? [outputOf(prompt.id, a), outputOf(prompt.id, b)] : [outputOf(prompt.id, b), outputOf(prompt.id, a)];
      const pair = await db.pair.create({ data: { studyId, promptId: prompt.id, outputAId, outputBId }, select: { id: true } });
      pairs[key][rankOf(i)] = { id: pair.id, outputAId, outputBId, aIsLo };
    }
  }
  const goldPrompt = prompts[PROMPTS]!;
  const gold = await db.pair.create({
    data: { studyId, promptId: goldPrompt.id, outputAId: outputOf(goldPrompt.id, 0), outputBId: outputOf(goldPrompt.id, 1), goldOutputId: outputOf(goldPrompt.id, 0) },
    select: { id: true, outputAId: true, outputBId: true },
  });
  goldPairId = gold.id;

  // Sampling, by hand: every prompt ranked and held until it opens; ranks 0..28 open.
  await db.$executeRaw`UPDATE "Study" SET "pairsPerPrompt" = 2.5, "samplingPrompts" = ${PROMPTS} WHERE id = ${studyId}`;
  for (const [key] of PAIRS) {
    for (const [rank, p] of pairs[key].entries()) await db.$executeRaw`UPDATE "Pair" SET "sampleRank" = ${rank}, held = true WHERE id = ${p.id}`;
  }
  for (let rank = 0; rank < PROMPTS - 1; rank++) await open(rank, rank + 1);

  const [rater] = await makeRaters(studyId, 1);
  for (const [key] of PAIRS) {
    for (const [rank, p] of pairs[key].entries()) {
      const v = plan(key, rank);
      if (rank === PROMPTS - 1 || !v.voted) continue;
      const outcome: Outcome = v.loWins === p.aIsLo ? "A" : "B";
      await castVote(studyId, { pair: p, raterId: rater!.id, outcome, leftIsA: rank % 2 === 0 });
    }
  }
  await castVote(studyId, { pair: gold, raterId: rater!.id, outcome: "B", leftIsA: true });
});

const keyOf = (key: PairKey) => {
  const [, a, b] = PAIRS.find(([k]) => k === key)!;
  return `${models[a]!.id}|${models[b]!.id}`;
};

describe("a study that samples model pairs, 29 of its 30 prompts opened", () => {
  it("marks each model pair's prompts in opening order, 'x' where the draw left it out, with the probabilities", async () => {
    const rows = await promptMarks({ studyId, excludeRaterIds: [], source: "primary" }, { votesPerPair: 1, sampling: true });
    const byKey = new Map(rows.map((r) => [`${r.modelAId}|${r.modelBId}`, r]));
    expect(rows).toHaveLength(3);
    expect(byKey.get(keyOf("lo-mid"))).toMatchObject({ modelA: models[0]!.name, modelB: models[1]!.name, marks: `${"Ax".repeat(14)}Ao` });
    expect(byKey.get(keyOf("lo-mid"))!.inclusions).toEqual([...Array<number>(29).fill(0.5), null]);
    expect(byKey.get(keyOf("lo-hi"))!.marks).toBe(`${"A".repeat(20)}o${"A".repeat(8)}o`);
    expect(byKey.get(keyOf("lo-hi"))!.inclusions).toEqual([...Array<number>(29).fill(1), null]);
    expect(byKey.get(keyOf("mid-hi"))!.marks).toBe(`${"B".repeat(29)}o`);
    // Without sampling the same pairs read in shuffle order, with no probabilities (and 'x' pairs as open ones).
    const plain = await promptMarks({ studyId, excludeRaterIds: [], source: "primary" }, { votesPerPair: 1, sampling: false });
    expect(plain.every((r) => r.inclusions === undefined && !r.marks.includes("x"))).toBe(true);
  });

  it("gives each comparison the interval of the prompts it was drawn on, and says how many those were", async () => {
    const r = (await getStudyResults(studyId))!;
    expect(r.sequential).toMatchObject({ level: 0.15, modelPairs: 3, decided: 2, stop: null });
    expect(r.sequential!.perPairLevel).toBeCloseTo(0.05, 12);
    expect(r.sequential!.samplingNote).toContain("reads the prompts the draw put it to raters on");
    const comparison = (a: number, b: number) => r.comparisons.find((c) => [c.modelA, c.modelB].sort().join() === [models[a]!.name, models[b]!.name].sort().join())!;

    const loMid = comparison(0, 1);
    const flipped = loMid.modelA !== models[0]!.name;
    expect(loMid.anytime!.interval).toEqual(pairSequenceInterval(draws("lo-mid", 29, flipped), { alpha: r.sequential!.perPairLevel }));
    expect(loMid.anytime!.interval[flipped ? "high" : "low"]).toBeCloseTo(flipped ? 1 - 0.49798 : 0.49798, 4);
    // The drawn prompts' mean: every one won by lo.
    expect(loMid.anytime).toMatchObject({ prompts: 29, drawn: 15, notDrawn: 14, waiting: 1, decided: false, estimate: flipped ? 0 : 1 });
    expect(loMid.anytime!.text).toContain("over 29 prompts, read on the 15 the draw put this pair to raters on, not the 14 it left out (not yet decided); 1 more prompt not yet read (open, not opened yet, or behind an open one).");

    // lo-hi's prefix ends at its unvoted rank 20: 20 straight wins at 5% give a lower bound of 0.6234.
    const loHi = comparison(0, 2);
    expect(loHi.anytime).toMatchObject({ prompts: 20, drawn: 20, notDrawn: 0, waiting: 10, decided: true });
    expect(loHi.anytime!.interval).toEqual(pairSequenceInterval(draws("lo-hi", 20, loHi.modelA !== models[0]!.name), { alpha: r.sequential!.perPairLevel }));
    expect(Math.max(loHi.anytime!.interval.low, 1 - loHi.anytime!.interval.high)).toBeCloseTo(0.62340, 4);
    expect(comparison(1, 2).anytime).toMatchObject({ prompts: 29, drawn: 29, decided: true });

    const admin = await studyStopStatus(studyId);
    expect(admin).toMatchObject({ decided: 2, modelPairs: 3, samplingNote: r.sequential!.samplingNote });
  });

  it("ranks the models with each vote counted by the inverse of its pair's inclusion probability", async () => {
    const r = (await getStudyResults(studyId))!;
    const [lo, mid, hi] = models.map((m) => m.name) as [string, string, string];
    // lo-mid's 15 votes were drawn at q 1/2 and count 2 each; lo-hi's 28 and mid-hi's 29 at q 1. lo never
    // loses, so the plain fit does not exist and one virtual tie per pair is added, as the dashboard does.
    const weighted = bradleyTerry([
      { a: lo, b: mid, winsA: 30, winsB: 0, ties: 0 }, { a: lo, b: hi, winsA: 28, winsB: 0, ties: 0 }, { a: mid, b: hi, winsA: 0, winsB: 29, ties: 0 },
    ], { pseudoTies: 1 })!;
    const plain = bradleyTerry([
      { a: lo, b: mid, winsA: 15, winsB: 0, ties: 0 }, { a: lo, b: hi, winsA: 28, winsB: 0, ties: 0 }, { a: mid, b: hi, winsA: 0, winsB: 29, ties: 0 },
    ], { pseudoTies: 1 })!;
    const score = (fit: typeof weighted, m: string) => fit.scores[fit.models.indexOf(m)]!;
    expect(r.ranking).toMatchObject({ pseudoTies: 1, inclusionWeighted: true });
    for (const m of [lo, mid, hi]) expect(r.ranking!.models.find((x) => x.model === m)!.score).toBeCloseTo(score(weighted, m), 6);
    // The weights matter here: unweighted, lo would score 3 points lower.
    expect(score(weighted, lo) - score(plain, lo)).toBeGreaterThan(2);
    // The head-to-head stays plain votes.
    const h = r.ranking!.headToHead;
    expect(h.votes[h.models.indexOf(lo)]![h.models.indexOf(mid)]).toBe(15);
  });

  it("does not stop while lo-mid is undecided, and tells the opening which comparisons are decided", async () => {
    expect(await evaluateStopping(studyId)).toBeNull();
    expect(await comparisonDecisions(studyId)).toEqual(new Map([[keyOf("lo-mid"), false], [keyOf("lo-hi"), true], [keyOf("mid-hi"), true]]));
    expect(await comparisonDecisions("no-such-study")).toEqual(new Map());
  });

  it("exports each vote's inclusion probability (a gold pair's null) in JSONL and CSV", async () => {
    const votes: ExportVote[] = [];
    for await (const batch of exportVoteBatches(studyId, false, [], false, true)) votes.push(...batch);
    expect(votes).toHaveLength(15 + 28 + 29 + 1);
    const q = new Map(PAIRS.flatMap(([key]) => pairs[key].map((p, rank) => [p.id, plan(key, rank).q] as const)));
    for (const v of votes) expect(v.inclusion).toBe(v.pairId === goldPairId ? null : q.get(v.pairId));
    const lines = (await new Response(exportStream("jsonl", exportVoteBatches(studyId, false, [], false, true))).text()).trimEnd().split("\n");
    const records = lines.map((l) => JSON.parse(l) as { pair_id: string; inclusion_probability: number | null });
    expect(records.find((x) => x.pair_id === pairs["lo-mid"][0]!.id)!.inclusion_probability).toBe(0.5);
    expect(records.find((x) => x.pair_id === goldPairId)!.inclusion_probability).toBeNull();
    const csv = (await new Response(exportStream("csv", exportVoteBatches(studyId, false, [], false, true), { criteria: [], sampling: true })).text()).split("\r\n");
    expect(csv[0]!.endsWith(",inclusion_probability")).toBe(true);
    expect(csv.filter((l) => l.endsWith(",0.5"))).toHaveLength(15);
    // Read without it (what every other study gets), a record has no such field.
    const plain = (await new Response(exportStream("jsonl", exportVoteBatches(studyId, false))).text()).split("\n")[0]!;
    expect(JSON.parse(plain)).not.toHaveProperty("inclusion_probability");
  });

  it("lists a pair the draw left out as not drawn, one whose prompt has not opened as not opened yet", async () => {
    const page = await listResultPrompts({ studyId, excludeRaterIds: [] }, { page: 1, pageSize: 100 });
    const held = new Map(page.items.map((i) => [i.pairId, i.held]));
    expect(page.total).toBe(3 * PROMPTS + 1);
    expect(held.get(pairs["lo-mid"][1]!.id)).toBe("notDrawn");
    expect(held.get(pairs["mid-hi"][PROMPTS - 1]!.id)).toBe("notOpened");
    expect(held.get(pairs["lo-mid"][0]!.id)).toBeNull();
    // Drawn but not voted yet: an ordinary pair without votes.
    expect(held.get(pairs["lo-hi"][20]!.id)).toBeNull();
    expect(held.get(goldPairId)).toBeNull();
    expect([...held.values()].filter((h) => h === "notDrawn")).toHaveLength(14);
  });

  it("filters held pairs apart from unvoted ones: \"no votes\" lists only pairs raters can get", async () => {
    const all = await listResultPrompts({ studyId, excludeRaterIds: [] }, { page: 1, pageSize: 100 });
    const [none, held] = await Promise.all((["none", "held"] as const).map((outcome) =>
      listResultPrompts({ studyId, excludeRaterIds: [] }, { page: 1, pageSize: 100, outcome })));
    const expectedHeld = all.items.filter((i) => i.held !== null).map((i) => i.pairId).sort();
    const expectedNone = all.items.filter((i) => i.held === null && i.majority === null).map((i) => i.pairId).sort();
    expect(expectedHeld.length).toBeGreaterThan(14);
    expect(expectedNone).toContain(pairs["lo-hi"][20]!.id);
    expect({ ids: held!.items.map((i) => i.pairId).sort(), total: held!.total }).toEqual({ ids: expectedHeld, total: expectedHeld.length });
    expect({ ids: none!.items.map((i) => i.pairId).sort(), total: none!.total }).toEqual({ ids: expectedNone, total: expectedNone.length });
  });
});

describe("the last prompt opens", () => {
  it("draws lo-mid, whose vote for lo decides it, and the study stops", async () => {
    const version = await studyFiguresVersion(studyId);
    await open(PROMPTS - 1, PROMPTS);
    // The opening changes the figures though no vote did; the pair it drew is open, so lo-mid still waits.
    expect(await studyFiguresVersion(studyId)).not.toBe(version);
    expect((await comparisonDecisions(studyId)).get(keyOf("lo-mid"))).toBe(false);
    const last = pairs["lo-mid"][PROMPTS - 1]!;
    const [rater] = await makeRaters(studyId, 1);
    await castVote(studyId, { pair: last, raterId: rater!.id, outcome: last.aIsLo ? "A" : "B", leftIsA: true });
    expect((await comparisonDecisions(studyId)).get(keyOf("lo-mid"))).toBe(true);
    const r = (await getStudyResults(studyId))!;
    const loMid = r.comparisons.find((c) => [c.modelA, c.modelB].includes(models[0]!.name) && [c.modelA, c.modelB].includes(models[1]!.name))!;
    const flipped = loMid.modelA !== models[0]!.name;
    expect(loMid.anytime).toMatchObject({ prompts: 30, drawn: 16, notDrawn: 14, waiting: 0, decided: true });
    expect(loMid.anytime!.interval).toEqual(pairSequenceInterval(draws("lo-mid", 30, flipped), { alpha: r.sequential!.perPairLevel }));
    expect(loMid.anytime!.interval[flipped ? "high" : "low"]).toBeCloseTo(flipped ? 1 - 0.52933 : 0.52933, 4);

    const stop = await evaluateStopping(studyId);
    expect(stop?.reason).toBe("DECIDED");
    const events = await db.auditEvent.findMany({ where: { studyId, action: "STUDY_STOPPED" } });
    expect(events.map((e) => e.details)).toEqual([{ reason: "DECIDED", level: 0.15, modelPairs: 3, decided: 3, votes: 74, voteBudget: null }]);
  });
});
