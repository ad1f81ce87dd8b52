// A study that judges turn 1 and turn 2 of each conversation separately (issue 21): every figure per turn
// and over all turns, against values computed by hand in the comments; a 3-model study's ranking per turn;
// a single-turn study without per-turn figures; and the exports' conversation structure (JSONL messages,
// the CSV turn column, Arena battles with each side's conversation up to the judged turn).
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { exportVoteBatches, studyHasTurns } from "@/lib/data/results/export-votes";
import { resultPromptDetail } from "@/lib/data/results/prompt-detail";
import { listResultPrompts } from "@/lib/data/results/prompt-list";
import { archiveStream } from "@/lib/data/study-archive";
import { CSV_COLUMNS } from "@/lib/exports/formats";
import { exportStream, formatNeedsConversations, formatNeedsOutputs } from "@/lib/exports/stream";
import type { ExportFormat } from "@/lib/exports/types";
import { getStudyResults, liveStudyFigures, resultsScope } from "@/lib/results/study-results";
import type { StudyResults } from "@/lib/results/types";
import { wilsonInterval } from "@/lib/stats/wilson";
import { makeUser } from "./factories";
import { castTurnVotes, makeConversationStudy, type ConversationSpec, type TurnVote } from "./factories-conversations";
import { castVote, makeModels, makeOutput, makePrompt, makeStudy, makeStudyPair } from "./factories-results";

/*
 * Two models, alpha (output A of every pair) and beta (B); prompts P0, P1 (category math) and P2 (writing),
 * each a two-turn conversation (P0 with a system prompt); pairs for turn 1 and turn 2 of each; raters r0..r2.
 * Lengths: on turn 1 alpha's answer is the longer (60 vs 20 characters), on turn 2 beta's (5 vs 30); over the
 * whole conversation alpha's (65 vs 50), so a length figure read from the sums would come out reversed on turn 2.
 *
 *  pair   | votes (outcome, output on the left, side pressed)        | A/B/tie/both bad
 *  T1 P0  | r0 A L=A LEFT, r1 A L=B RIGHT, r2 B L=A RIGHT            | A2 B1
 *  T1 P1  | r0 A L=A LEFT, r1 A L=A LEFT                             | A2
 *  T1 P2  | r0 B L=B LEFT, r1 tie                                    | B1 T1
 *  T2 P0  | r0 B L=A RIGHT, r1 B L=B LEFT, r2 B L=A RIGHT            | B3
 *  T2 P1  | r0 A L=B RIGHT, r1 both bad                              | A1 X1
 *  T2 P2  | r0 B L=A RIGHT, r2 B L=B LEFT                            | B2
 *
 * Turn 1: alpha 4, beta 2, 1 tie (7 votes). Turn 2: alpha 1, beta 5, 1 both bad (7). All turns: alpha 5,
 * beta 7, 1 tie, 1 both bad (14): beta leads overall, so every figure reads beta first, turn 1's too.
 */
const VOTES: TurnVote[] = [
  { turn: 1, prompt: 0, rater: 0, outcome: "A", leftIsA: true }, { turn: 1, prompt: 0, rater: 1, outcome: "A", leftIsA: false },
  { turn: 1, prompt: 0, rater: 2, outcome: "B", leftIsA: true },
  { turn: 1, prompt: 1, rater: 0, outcome: "A", leftIsA: true }, { turn: 1, prompt: 1, rater: 1, outcome: "A", leftIsA: true },
  { turn: 1, prompt: 2, rater: 0, outcome: "B", leftIsA: false }, { turn: 1, prompt: 2, rater: 1, outcome: "T", leftIsA: true },
  { turn: 2, prompt: 0, rater: 0, outcome: "B", leftIsA: true }, { turn: 2, prompt: 0, rater: 1, outcome: "B", leftIsA: false },
  { turn: 2, prompt: 0, rater: 2, outcome: "B", leftIsA: true },
  { turn: 2, prompt: 1, rater: 0, outcome: "A", leftIsA: false }, { turn: 2, prompt: 1, rater: 1, outcome: "X", leftIsA: true },
  { turn: 2, prompt: 2, rater: 0, outcome: "B", leftIsA: true }, { turn: 2, prompt: 2, rater: 2, outcome: "B", leftIsA: false },
];

const answer = (model: string, p: number, turn: number, length: number) => `${model} P${p} turn ${turn}`.padEnd(length, ".");
const conversation = (p: number, category: string, system?: string): ConversationSpec => ({
  category, system, userTurns: [`P${p} first question`, `P${p} follow-up`],
  answers: [[answer("alpha", p, 1, 60), answer("alpha", p, 2, 5)], [answer("beta", p, 1, 20), answer("beta", p, 2, 30)]],
});
const SPECS = [conversation(0, "math", "Answer as a tutor."), conversation(1, "math"), conversation(2, "writing")];

let alpha = "";
let beta = "";
let studyId = "";
let raters: { id: string; pseudonym: string }[] = [];
let r: StudyResults;

beforeAll(async () => {
  const [a, b] = await makeModels("alpha", "beta");
  [alpha, beta] = [a!.name, b!.name];
  const made = await makeConversationStudy([a!, b!], [1, 2], SPECS);
  studyId = made.study.id;
  raters = await Promise.all([0, 1, 2].map(() => makeUser()));
  await castTurnVotes(studyId, made.pair, raters.map((u) => u.id), VOTES);
  r = (await liveStudyFigures(studyId))!;
});

const turn = (k: number) => r.turns!.find((t) => t.turn === k)!;

describe("results per judged turn", () => {
  it("gives all turns' figures at the top level, beta first", () => {
    expect(r.totals).toEqual({ votes: 14, raters: 3, comparedVotes: 14, promptsVoted: 3 });
    const c = r.comparisons[0]!;
    expect(r.comparisons).toHaveLength(1);
    expect(c).toMatchObject({ modelA: beta, modelB: alpha, tally: { winsA: 7, winsB: 5, ties: 1, bothBad: 1, total: 14 } });
    expect(c.headline).toBe(`${beta} wins 7 versus 5 comparisons against ${alpha} (with 1 tie and 1 both bad)`);
    // (7 + 2 halves) / 14 = 4/7; sign test 7 of 12: 2 × (792 + 495 + 220 + 66 + 12 + 1) / 4096.
    expect(c.winRate.estimate).toBeCloseTo(4 / 7, 12);
    expect(c.winRate.wilson).toEqual(wilsonInterval(8, 14));
    expect(c.winRate.signTest).toMatchObject({ n: 12, significant: false });
    expect(c.winRate.signTest.pValue).toBeCloseTo(3172 / 4096, 12);
    // Each turn's pair is its own prompt here: beta takes T2 P0 and T2 P2, alpha T1 P0 and T1 P1, T1 P2 and T2 P1 are even.
    expect(c.prompts).toMatchObject({ voted: 6, winsA: 2, winsB: 2, ties: 2 });
    // Six items: P_i = 1/3, 1, 0, 1, 0, 1 → P̄ = 5/9; shares A 5, B 7, T 1, X 1 of 14 → Pe = 76/196 = 19/49;
    // kappa = (5/9 − 19/49) / (30/49) = 37/135. Agreeing rater pairs 1+1+0+3+0+1 = 6 of 3+1+1+3+1+1 = 10.
    expect(r.agreement).toMatchObject({ items: 6 });
    expect(r.agreement.fleissKappa).toBeCloseTo(37 / 135, 12);
    expect(r.agreement.pairwise).toBeCloseTo(6 / 10, 12);
    // Left 6 (turn 1: 4, turn 2: 2), right 6: no position bias.
    expect(r.positionBias).toMatchObject({ hits: 6, misses: 6, share: 0.5, pValue: 1 });
    // Judged turn's lengths: the longer answer won 4 of 6 decisive votes on turn 1 and 5 of 6 on turn 2.
    expect(r.lengthBias).toMatchObject({ hits: 9, misses: 3 });
    // Math: T1 P0, T1 P1, T2 P0, T2 P1 → beta 4, alpha 5, 1 both bad; writing: T1 P2, T2 P2 → beta 3, 1 tie.
    expect(r.categories.map((x) => [x.value, x.modelA, x.tally, x.prompts, x.winRate])).toEqual([
      ["math", beta, { winsA: 4, winsB: 5, ties: 0, bothBad: 1, total: 10 }, 4, 0.45],
      ["writing", beta, { winsA: 3, winsB: 0, ties: 1, bothBad: 0, total: 4 }, 2, 0.875],
    ]);
    expect(r.ranking).toBeNull(); // two models
  });

  it("gives turn 1 every figure of its own votes, read beta first", () => {
    expect(r.turns!.map((t) => t.turn)).toEqual([1, 2]);
    const t = turn(1);
    expect(t.totals).toEqual({ comparedVotes: 7, promptsVoted: 3 });
    const c = t.comparisons[0]!;
    expect(c).toMatchObject({ modelA: beta, modelB: alpha, tally: { winsA: 2, winsB: 4, ties: 1, bothBad: 0, total: 7 } });
    // The headline names the turn's leader, alpha.
    expect(c.headline).toBe(`${alpha} wins 4 versus 2 comparisons against ${beta} (with 1 tie)`);
    // Beta's win rate (2 + 0.5) / 7 = 5/14; sign test 4 of 6: 2 × (15 + 6 + 1) / 64.
    expect(c.winRate.estimate).toBeCloseTo(5 / 14, 12);
    expect(c.winRate.wilson).toEqual(wilsonInterval(2.5, 7));
    expect(c.winRate.signTest).toMatchObject({ n: 6, significant: false });
    expect(c.winRate.signTest.pValue).toBeCloseTo(44 / 64, 12);
    expect(c.winRate.summary).toMatch(new RegExp(`^${alpha} leads: ${beta} wins 35.7% against ${alpha}`));
    expect(c.winRate.bootstrap.interval).not.toBeNull();
    // P0 alpha (2-1), P1 alpha (2-0), P2 beta 1 against a bloc of 1 tie: even.
    expect(c.prompts).toMatchObject({ voted: 3, winsA: 0, winsB: 2, ties: 1 });
    // Three prompts: too few for the length-controlled rate, which says so.
    expect(c.lengthControlled).toMatchObject({ estimate: null, prompts: 3 });
    // Items [2,1,0,0], [2,0,0,0], [0,1,1,0]: P_i = 1/3, 1, 0 → P̄ = 4/9; shares 4, 2, 1, 0 of 7 → Pe = 21/49;
    // kappa = (4/9 − 3/7) / (4/7) = 1/36. Agreeing rater pairs 1 + 1 + 0 of 3 + 1 + 1.
    expect(t.agreement.items).toBe(3);
    expect(t.agreement.fleissKappa).toBeCloseTo(1 / 36, 12);
    expect(t.agreement.pairwise).toBeCloseTo(2 / 5, 12);
    // LEFT: r0 on P0, P1, P2 and r1 on P1; RIGHT: r1 and r2 on P0 → 4 of 6, p = 44/64.
    expect(t.positionBias).toMatchObject({ hits: 4, misses: 2 });
    expect(t.positionBias.pValue).toBeCloseTo(44 / 64, 12);
    // Turn 1's longer answer is alpha's: its 4 wins against beta's 2.
    expect(t.lengthBias).toMatchObject({ hits: 4, misses: 2 });
    // Math: P0 + P1 → beta 1, alpha 4 (1/5); writing: P2 → beta 1, 1 tie (1.5/2).
    expect(t.categories.map((x) => [x.value, x.tally, x.prompts, x.winRate])).toEqual([
      ["math", { winsA: 1, winsB: 4, ties: 0, bothBad: 0, total: 5 }, 2, 0.2],
      ["writing", { winsA: 1, winsB: 0, ties: 1, bothBad: 0, total: 2 }, 1, 0.75],
    ]);
    expect(t.ranking).toBeNull();
  });

  it("gives turn 2 every figure of its own votes", () => {
    const t = turn(2);
    expect(t.totals).toEqual({ comparedVotes: 7, promptsVoted: 3 });
    const c = t.comparisons[0]!;
    expect(c).toMatchObject({ modelA: beta, modelB: alpha, tally: { winsA: 5, winsB: 1, ties: 0, bothBad: 1, total: 7 } });
    expect(c.headline).toBe(`${beta} wins 5 versus 1 comparisons against ${alpha} (with 1 both bad)`);
    // (5 + 0.5) / 7 = 11/14; sign test 5 of 6: 2 × (6 + 1) / 64.
    expect(c.winRate.estimate).toBeCloseTo(11 / 14, 12);
    expect(c.winRate.wilson).toEqual(wilsonInterval(5.5, 7));
    expect(c.winRate.signTest.pValue).toBeCloseTo(14 / 64, 12);
    // P0 beta, P1 alpha 1 against a bloc of 1 both bad: even, P2 beta.
    expect(c.prompts).toMatchObject({ voted: 3, winsA: 2, winsB: 0, ties: 1 });
    // Items [0,3,0,0], [1,0,0,1], [0,2,0,0]: P_i = 1, 0, 1 → P̄ = 2/3; shares 1, 5, 0, 1 of 7 → Pe = 27/49;
    // kappa = (2/3 − 27/49) / (22/49) = 17/66. Agreeing rater pairs 3 + 0 + 1 of 3 + 1 + 1.
    expect(t.agreement.fleissKappa).toBeCloseTo(17 / 66, 12);
    expect(t.agreement.pairwise).toBeCloseTo(4 / 5, 12);
    // LEFT: r1 on P0, r2 on P2; RIGHT: r0 on P0, P1, P2 and r2 on P0.
    expect(t.positionBias).toMatchObject({ hits: 2, misses: 4 });
    // Turn 2's longer answer is beta's (30 vs 5; the whole conversations' sums would say alpha's): its 5 wins against 1.
    expect(t.lengthBias).toMatchObject({ hits: 5, misses: 1 });
    expect(t.lengthBias.pValue).toBeCloseTo(14 / 64, 12);
    // Math: P0 + P1 → beta 3, alpha 1, 1 both bad (3.5/5); writing: P2 → beta 2 (2/2).
    expect(t.categories.map((x) => [x.value, x.tally, x.prompts, x.winRate])).toEqual([
      ["math", { winsA: 3, winsB: 1, ties: 0, bothBad: 1, total: 5 }, 2, 0.7],
      ["writing", { winsA: 2, winsB: 0, ties: 0, bothBad: 0, total: 2 }, 1, 1],
    ]);
  });

  it("leaves a rater out of every turn's figures, and keeps the turns in the results JSON", async () => {
    // Without r2 (T1 P0's, T2 P0's and T2 P2's B votes): all turns alpha 5, beta 4, 1 tie, 1 both bad, so alpha
    // now leads and is read first on every turn: turn 1 alpha 4, beta 1, 1 tie; turn 2 alpha 1, beta 3, 1 both bad.
    const without = (await getStudyResults(studyId, [raters[2]!.pseudonym]))!;
    expect(without.comparisons[0]).toMatchObject({ modelA: alpha, tally: { winsA: 5, winsB: 4, ties: 1, bothBad: 1, total: 11 } });
    expect(without.turns!.map((t) => [t.comparisons[0]!.modelA, t.comparisons[0]!.tally])).toEqual([
      [alpha, { winsA: 4, winsB: 1, ties: 1, bothBad: 0, total: 6 }],
      [alpha, { winsA: 1, winsB: 3, ties: 0, bothBad: 1, total: 5 }],
    ]);
    expect(without.turns!.map((t) => t.totals)).toEqual([{ comparedVotes: 6, promptsVoted: 3 }, { comparedVotes: 5, promptsVoted: 3 }]);
  });

  it("lists each turn's pair with its turn, and opens it with that turn's answers", async () => {
    const { scope } = await resultsScope(studyId, [], "primary");
    const page = await listResultPrompts(scope, { page: 1, pageSize: 25 });
    expect(page.items.map((x) => x.turn).sort()).toEqual([1, 1, 1, 2, 2, 2]);
    const t1 = page.items.find((x) => x.turn === 1 && x.instruction.startsWith("P0"))!;
    // T1 P0: alpha 2, beta 1.
    expect(t1).toMatchObject({ modelA: alpha, winsA: 2, winsB: 1, majority: "A" });
    const detail = (await resultPromptDetail(studyId, t1.pairId, []))!;
    expect(detail.turn).toBe(1);
    expect([detail.outputA.text, detail.outputB.text]).toEqual([answer("alpha", 0, 1, 60), answer("beta", 0, 1, 20)]);
  });

  it("ranks three models per turn from that turn's votes", async () => {
    const [a, b, g] = await makeModels("alpha", "beta", "gamma");
    // One conversation, a pair per model pair and turn; turn 1: alpha > beta > gamma; turn 2: gamma > beta > alpha.
    const answers = [[answer("a", 0, 1, 10), answer("a", 0, 2, 10)], [answer("b", 0, 1, 10), answer("b", 0, 2, 10)], [answer("g", 0, 1, 10), answer("g", 0, 2, 10)]];
    const made = await makeConversationStudy([a!, b!, g!], [1, 2], [{ category: null, userTurns: ["Q1", "Q2"], answers }]);
    const users = await Promise.all([0, 1].map(() => makeUser()));
    const wins = (turn: number, x: number, y: number, outcome: "A" | "B") =>
      [0, 1].map((rater) => ({ prompt: 0, turn, rater, outcome, leftIsA: rater === 0, a: x, b: y }));
    await castTurnVotes(made.study.id, made.pair, users.map((u) => u.id), [
      ...wins(1, 0, 1, "A"), ...wins(1, 0, 2, "A"), ...wins(1, 1, 2, "A"),
      ...wins(2, 0, 1, "B"), ...wins(2, 0, 2, "B"), ...wins(2, 1, 2, "B"),
    ]);
    const figures = (await liveStudyFigures(made.study.id))!;
    const order = (ranking: StudyResults["ranking"]) => ranking!.models.map((m) => m.model);
    expect(order(figures.turns![0]!.ranking)).toEqual([a!.name, b!.name, g!.name]);
    expect(order(figures.turns![1]!.ranking)).toEqual([g!.name, b!.name, a!.name]);
    // On one turn alone a model never loses (alpha on turn 1), so its fit needs the virtual ties; over all
    // turns every model wins and loses 2 against each other: the plain fit exists, every score equal.
    expect(figures.turns!.map((t) => t.ranking!.pseudoTies)).toEqual([1, 1]);
    expect(figures.ranking!.pseudoTies).toBe(0);
    const scores = figures.ranking!.models.map((m) => m.score);
    expect(Math.max(...scores) - Math.min(...scores)).toBeCloseTo(0, 6);
    // The bootstrap resamples prompts: over all turns the one conversation is one prompt, so every resample is
    // the data (had each turn been a prompt of its own, half the resamples would draw one turn twice, where
    // alpha or gamma never loses, and fail); on a turn, (conversation, turn) is the one prompt. Either way each
    // interval is its score alone, where resampling each model pair's votes apart would move them.
    expect(figures.ranking).toMatchObject({ failed: 0, resamples: 1000 });
    for (const ranking of [figures.ranking, ...figures.turns!.map((t) => t.ranking)]) {
      for (const m of ranking!.models) {
        expect(m.low).toBeCloseTo(m.score, 6);
        expect(m.high).toBeCloseTo(m.score, 6);
      }
    }
  });

  it("gives a study that does not judge turns no per-turn figures", async () => {
    const [a, b] = await makeModels("solo-a", "solo-b");
    const study = await makeStudy([a!, b!]);
    const prompt = await makePrompt();
    const [oa, ob] = await Promise.all([makeOutput(prompt.id, a!.id, "one"), makeOutput(prompt.id, b!.id, "two")]);
    const pair = await makeStudyPair(study.id, prompt.id, oa.id, ob.id);
    const user = await makeUser();
    await castVote(study.id, { pair, raterId: user.id, outcome: "A", leftIsA: true });
    const figures = (await liveStudyFigures(study.id))!;
    expect(figures).not.toHaveProperty("turns");
    expect(await studyHasTurns(study.id)).toBe(false);
  });
});

async function exported(format: ExportFormat): Promise<string> {
  const turns = await studyHasTurns(studyId);
  const batches = exportVoteBatches(studyId, formatNeedsOutputs(format), [], turns && formatNeedsConversations(format));
  return new Response(exportStream(format, batches, { criteria: [], turns })).text();
}

type Message = { role: string; content: string };
const conversationOf = (model: "alpha" | "beta", p: number, upTo: number): Message[] => SPECS[p]!.userTurns.slice(0, upTo).flatMap((u, i) => [
  { role: "user", content: expect.stringContaining(u) as unknown as string },
  { role: "assistant", content: answer(model, p, i + 1, model === "alpha" ? [60, 5][i]! : [20, 30][i]!) },
]);

describe("exports of a conversation study", () => {
  it("JSONL: the judged turn, and each model's messages up to it (system prompt first), output texts of that turn", async () => {
    expect(await studyHasTurns(studyId)).toBe(true);
    const lines = (await exported("jsonl")).trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(14);
    expect(lines.filter((l) => l.turn === 1)).toHaveLength(7);
    const onTurn = (k: number, p: number) => lines.find((l) => l.turn === k && String(l.instruction).startsWith(`P${p} first question`))!;
    const t1 = onTurn(1, 0);
    expect(t1).toMatchObject({ model_a: alpha, model_b: beta, output_a: answer("alpha", 0, 1, 60), output_b: answer("beta", 0, 1, 20) });
    expect(t1.messages_a).toEqual([{ role: "system", content: "Answer as a tutor." }, ...conversationOf("alpha", 0, 1)]);
    expect(t1.messages_b).toEqual([{ role: "system", content: "Answer as a tutor." }, ...conversationOf("beta", 0, 1)]);
    const t2 = onTurn(2, 2);
    expect(t2).toMatchObject({ output_a: answer("alpha", 2, 2, 5), output_b: answer("beta", 2, 2, 30) });
    // No system prompt on P2: the messages start with the user.
    expect(t2.messages_a).toEqual(conversationOf("alpha", 2, 2));
    expect(t2.messages_b).toEqual(conversationOf("beta", 2, 2));
  });

  it("CSV: the existing columns, then the judged turn", async () => {
    const csv = await exported("csv");
    expect(csv.split("\r\n")[0]).toBe([...CSV_COLUMNS, "turn"].join(","));
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((x) => x.turn).sort()).toEqual([...Array(7).fill("1"), ...Array(7).fill("2")]);
    // T2 P1 by r1 was both bad.
    expect(rows.filter((x) => x.turn === "2" && x.choice === "BOTH_BAD")).toHaveLength(1);
  });

  it("battles: Arena's conversation format, model_a the left model, its conversation up to the judged turn", async () => {
    const battles = JSON.parse(await exported("battles")) as Record<string, unknown>[];
    expect(battles).toHaveLength(14);
    for (const x of battles) {
      // FastChat's clean_battle_data: turn = len(conversation_a) // 2; winner one of its four spellings.
      expect(x.turn).toBe((x.conversation_a as Message[]).length / 2);
      expect(["model_a", "model_b", "tie", "tie (bothbad)"]).toContain(x.winner);
      expect((x.conversation_a as Message[]).map((m) => m.role)).not.toContain("system");
    }
    // r1 on T1 P0: beta on the left, pressed RIGHT for alpha.
    const r1 = battles.find((x) => x.judge === raters[1]!.pseudonym && x.turn === 1 && x.system === "Answer as a tutor.")!;
    expect(r1).toMatchObject({ model_a: beta, model_b: alpha, winner: "model_b", anony: true, turn: 1 });
    expect(r1.conversation_a).toEqual(conversationOf("beta", 0, 1));
    expect(r1.conversation_b).toEqual(conversationOf("alpha", 0, 1));
    // r1 on T2 P1: both bad, each side's two turns, no system prompt field.
    const bad = battles.find((x) => x.winner === "tie (bothbad)")!;
    expect(bad).toMatchObject({ judge: raters[1]!.pseudonym, turn: 2, model_a: alpha });
    expect(bad).not.toHaveProperty("system");
    expect(bad.conversation_a).toEqual(conversationOf("alpha", 1, 2));
    expect(bad.conversation_b).toEqual(conversationOf("beta", 1, 2));
  });

  it("archive: pairs with their judged turn, prompts with user turns and system prompt, outputs with their turns", async () => {
    const records = (await new Response(archiveStream(studyId)).text()).trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const of = (type: string) => records.filter((x) => x.type === type);
    expect(of("study")[0]).toMatchObject({ judgedTurns: [1, 2] });
    expect(of("pair").map((p) => p.turn).sort()).toEqual([1, 1, 1, 2, 2, 2]);
    const p0 = of("prompt").find((p) => String(p.instruction).startsWith("P0 first question"))!;
    expect(p0).toMatchObject({ userTurns: [p0.instruction, "P0 follow-up"], system: "Answer as a tutor." });
    expect(of("prompt").find((p) => String(p.instruction).startsWith("P2"))).not.toHaveProperty("system");
    expect(of("output").map((o) => o.turns)).toContainEqual([answer("beta", 2, 1, 20), answer("beta", 2, 2, 30)]);
  });
});
