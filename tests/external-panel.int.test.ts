// An external panel (issue 21): MT-Bench-style human judgments attached to a two-turn study, matched by
// question id and by user turns, unmatched rows counted by reason, and MT-Bench's agreement per turn
// against hand-computed values.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importPanelRun } from "@/lib/data/panels";
import { conversationTextHash } from "@/lib/ingest/prompt-key";
import { getStudyResults } from "@/lib/results/study-results";
import { unique } from "./factories";
import { castVote, makeModels, makeStudy, type Outcome } from "./factories-results";
import { makeRaters } from "./factories-voting";

const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
type Msg = { role: string; content: string };
const conversation = (userTurns: string[], answers: string[]): Msg[] =>
  userTurns.flatMap((u, i) => [{ role: "user", content: u }, { role: "assistant", content: answers[i]! }]);

async function twoTurnPrompt(userTurns: string[], externalId: string | null) {
  return db.prompt.create({ data: { instruction: userTurns[0]!, userTurns, externalId, textHash: conversationTextHash(userTurns) }, select: { id: true } });
}

describe("external panel on a two-turn study", () => {
  const tag = unique("panel");
  const q1 = [`Plan a trip to Lisbon ${tag}`, "Now make it cheaper."];
  const q2 = [`Write a haiku about rain ${tag}`, "Now one about snow."];
  const qid = unique("q");
  let studyId = "";
  let names: Record<"m1" | "m2" | "m3", string>;
  let pairs: Record<"p11" | "p12" | "p21", { id: string; outputAId: string; outputBId: string }>;
  let raters: { id: string; pseudonym: string }[] = [];
  let rows: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const [m1, m2, m3] = await makeModels("m1", "m2", "m3");
    names = { m1: m1!.name, m2: m2!.name, m3: m3!.name };
    const study = await makeStudy([m1!, m2!]);
    studyId = study.id;
    await db.study.update({ where: { id: studyId }, data: { judgedTurns: [1, 2] } });
    const [p1, p2] = await Promise.all([twoTurnPrompt(q1, qid), twoTurnPrompt(q2, null)]);
    const out = (promptId: string, modelId: string, turns: string[]) => db.output.create({ data: { promptId, modelId, turns, text: turns.at(-1)! }, select: { id: true } });
    const [o11, o12, o13, o21, o22] = await Promise.all([
      out(p1.id, m1!.id, ["Alfama.", "Walk."]), out(p1.id, m2!.id, ["Belém.", "Tram 28."]), out(p1.id, m3!.id, ["Sintra.", "Bus."]),
      out(p2.id, m1!.id, ["Drops fall.", "Flakes fall."]), out(p2.id, m2!.id, ["Grey sky.", "White sky."]),
    ]);
    const pair = (promptId: string, a: string, b: string, turn: number) =>
      db.pair.create({ data: { studyId, promptId, outputAId: a, outputBId: b, turn }, select: { id: true, outputAId: true, outputBId: true } });
    // Q2 is judged on turn 1 only: a turn-2 vote on it matches no pair. Model m3 is in no pair.
    const [p11, p12, p21] = await Promise.all([pair(p1.id, o11!.id, o12!.id, 1), pair(p1.id, o11!.id, o12!.id, 2), pair(p2.id, o21!.id, o22!.id, 1)]);
    pairs = { p11: p11!, p12: p12!, p21: p21! };
    void o13;
    raters = await makeRaters(studyId, 3);
    const vote = (p: keyof typeof pairs, r: number, outcome: Outcome) => castVote(studyId, { pair: pairs[p], raterId: raters[r]!.id, outcome, leftIsA: r % 2 === 0 });
    await Promise.all([vote("p11", 0, "A"), vote("p11", 1, "A"), vote("p12", 0, "B"), vote("p12", 1, "T"), vote("p12", 2, "X"), vote("p21", 0, "T")]);

    const a1 = ["Alfama.", "Walk."], a2 = ["Belém.", "Tram 28."], a3 = ["Sintra.", "Bus."];
    const row = (question: string | number, ua: string[], models: [string, string], answers: [string[], string[]], winner: string, judge: string, turn: number) => ({
      question_id: question, model_a: models[0], model_b: models[1], winner, judge, turn,
      conversation_a: conversation(ua, answers[0]), conversation_b: conversation(ua, answers[1]),
    });
    const m = names;
    rows = [
      row(qid, q1, [m.m1, m.m2], [a1, a2], "model_a", "expert_0", 1),
      // The models in the other order: model_a is m2, the pair's output B.
      row(qid, q1, [m.m2, m.m1], [a2, a1], "model_a", "expert_1", 1),
      row(qid, q1, [m.m1, m.m2], [a1, a2], "tie", "expert_2", 1),
      row(qid, q1, [m.m1, m.m2], [a1, a2], "model_b", "expert_0", 2),
      row(qid, q1, [m.m1, m.m2], [a1, a2], "model_b", "expert_1", 2),
      // Q2 has no id in the study: matched by its user turns.
      row(9_000_001, q2, [m.m1, m.m2], [["Drops fall.", "Flakes fall."], ["Grey sky.", "White sky."]], "tie (bothbad)", "expert_0", 1),
      row(9_000_001, q2, [m.m1, m.m2], [["Drops fall.", "Flakes fall."], ["Grey sky.", "White sky."]], "model_a", "author_1", 1),
      // expert_0 again on the first pair: kept once.
      row(qid, q1, [m.m1, m.m2], [a1, a2], "model_b", "expert_0", 1),
      // Unmatched: a question the study lacks, a model pair it does not compare, a turn it does not judge.
      row(9_000_002, ["Something else entirely", "And more"], [m.m1, m.m2], [a1, a2], "model_a", "expert_0", 1),
      row(qid, q1, [m.m1, m.m3], [a1, a3], "model_a", "expert_0", 1),
      row(9_000_001, q2, [m.m1, m.m2], [["Drops fall.", "Flakes fall."], ["Grey sky.", "White sky."]], "model_a", "expert_0", 2),
    ];
  });

  it("stores the matched votes with their winners and counts the rest", async () => {
    const result = await importPanelRun(studyId, utf8(rows), { fileName: "human_judgments.json" });
    expect(result).toEqual({
      ok: true,
      run: {
        id: expect.any(String), name: "MT-Bench human judgments", format: "mt_bench_human_judgments",
        rows: 11, votes: 7, judges: 4, unmatched: { prompt: 1, models: 1, turn: 1 }, repeated: 1,
      },
    });
    const votes = await db.panelVote.findMany({ where: { pair: { studyId } }, select: { pairId: true, judge: true, winnerOutputId: true, bothBad: true } });
    const on = (p: keyof typeof pairs, judge: string) => votes.find((v) => v.pairId === pairs[p].id && v.judge === judge);
    expect(on("p11", "expert_0")).toMatchObject({ winnerOutputId: pairs.p11.outputAId, bothBad: false });
    expect(on("p11", "expert_1")).toMatchObject({ winnerOutputId: pairs.p11.outputBId });
    expect(on("p11", "expert_2")).toMatchObject({ winnerOutputId: null, bothBad: false });
    expect(on("p21", "expert_0")).toMatchObject({ winnerOutputId: null, bothBad: true });
    expect(votes).toHaveLength(7);
  });

  it("gives MT-Bench's agreement per turn and overall, as computed by hand", async () => {
    const panel = (await getStudyResults(studyId))!.panels![0]!;
    expect(panel).toMatchObject({ rows: 11, votes: 7, judges: 4, unmatched: { prompt: 1, models: 1, turn: 1 }, repeated: 1 });
    const rate = (agreed: number, compared: number) => ({ agreed, compared, rate: compared ? agreed / compared : null });
    // Turn 1: pair 11 (ours A A; panel A B tie) and pair 21 (ours tie; panel both-bad, A).
    expect(panel.turns[0]).toEqual({
      turn: 1, pairs: 2, panelVotes: 5, ourVotes: 3,
      oursVsPanel: { withTie: rate(3, 8), withoutTie: rate(2, 4) },
      panelVsPanel: { withTie: rate(0, 4), withoutTie: rate(0, 1) },
      oursVsOurs: { withTie: rate(1, 1), withoutTie: rate(1, 1) },
    });
    // Turn 2: pair 12 (ours B, tie, both bad; panel B B).
    expect(panel.turns[1]).toEqual({
      turn: 2, pairs: 1, panelVotes: 2, ourVotes: 3,
      oursVsPanel: { withTie: rate(2, 6), withoutTie: rate(2, 2) },
      panelVsPanel: { withTie: rate(1, 1), withoutTie: rate(1, 1) },
      oursVsOurs: { withTie: rate(1, 3), withoutTie: rate(0, 0) },
    });
    expect(panel.overall).toMatchObject({
      turn: null, pairs: 3, oursVsPanel: { withTie: rate(5, 14), withoutTie: rate(4, 6) }, panelVsPanel: { withTie: rate(1, 5), withoutTie: rate(1, 2) },
    });
    // Leaving out the rater who said "both bad" on turn 2: ours B, tie against the panel's B B.
    const without = (await getStudyResults(studyId, [raters[2]!.pseudonym]))!.panels![0]!;
    expect(without.turns[1]!.oursVsPanel.withTie).toEqual(rate(2, 4));
  });

  it("refuses the same file twice, a file matching nothing, and a bad row, importing nothing", async () => {
    expect(await importPanelRun(studyId, utf8(rows), {})).toMatchObject({ ok: false, status: 409 });
    const nothing = await importPanelRun(studyId, utf8(rows.slice(8, 9)), {});
    expect(nothing).toMatchObject({ ok: false, status: 422, message: expect.stringMatching(/^No row matches a pair of this study \(of 1 rows, 1 name a question/) });
    const broken = rows.map((r, i) => (i === 2 ? { ...r, winner: "draw" } : r));
    const bad = await importPanelRun(studyId, utf8(broken), {});
    expect(bad).toMatchObject({ ok: false, status: 422, errors: [expect.stringMatching(/^row 3: winner must be one of/)] });
    expect(await importPanelRun("no-such-study", utf8(rows), {})).toMatchObject({ ok: false, status: 404 });
    expect(await db.panelRun.count({ where: { studyId } })).toBe(1);
  });

  it("leaves the figures of a study without a panel as they were (no panels key)", async () => {
    const [m] = await makeModels("lonely");
    const other = await makeStudy([m!]);
    expect((await getStudyResults(other.id))!).not.toHaveProperty("panels");
  });
});
