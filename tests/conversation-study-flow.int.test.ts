// A conversation study from upload to export (issue 21), through the functions the app's pages and
// routes call: MT-Bench questions and two models' answers uploaded, a study judging turn 1 and turn 2,
// raters served each turn and voting, figures per turn, Arena battles, and an external panel attached.
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/data/audit";
import { nextAssignment } from "@/lib/data/assignments";
import { importPanelRun } from "@/lib/data/panels";
import { exportVoteBatches, studyHasTurns } from "@/lib/data/results/export-votes";
import { runUpload } from "@/lib/data/run-upload";
import { changeStudyStatus, createStudy } from "@/lib/data/study-admin";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import { exportStream, formatNeedsConversations, formatNeedsOutputs } from "@/lib/exports/stream";
import { isRaterError } from "@/lib/rater-api/rater-error";
import type { ServedPair } from "@/lib/rating/types";
import { getStudyResults } from "@/lib/results/study-results";
import { createStudySchema } from "@/lib/validation/study";
import { uploadFormSchema } from "@/lib/validation/upload";
import { makeUser, unique } from "./factories";
import { makeRaters } from "./factories-voting";

const bytes = (text: string) => new TextEncoder().encode(text);
const lines = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join("\n");

// Two questions of two turns, with ids no other test uses; model "good" is right on every turn.
const base = 7_000_000 + Math.floor(Math.random() * 1_000_000);
const questions = [
  { question_id: base, category: "writing", turns: [`Write a two-line poem about tides (${base}).`, "Now make it rhyme."] },
  { question_id: base + 1, category: "math", turns: [`What is 12 times 12 (${base})?`, "And 13 times 13?"] },
];
const answers = {
  good: [["The sea breathes in, the sea breathes out.", "The sea breathes in with hope, / and out it goes to cope."], ["144.", "169."]],
  poor: [["Tides are water.", "Tides are water, daughter."], ["124.", "196."]],
};

function answerFile(model: string, turns: string[][]) {
  return lines(questions.map((q, i) => ({ question_id: q.question_id, answer_id: `${model}-${i}`, model_id: model, choices: [{ index: 0, turns: turns[i] }], tstamp: 1 })));
}

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair {
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  return result;
}

describe("a two-turn MT-Bench study, end to end", () => {
  const names = { good: unique("good-model"), poor: unique("poor-model") };
  let studyId = "";
  let raters: { id: string; pseudonym: string }[] = [];

  beforeAll(async () => {
    const form = uploadFormSchema.parse({});
    expect((await runUpload(bytes(lines(questions)), "question.jsonl", form, null)).ok).toBe(true);
    for (const model of ["good", "poor"] as const) {
      expect((await runUpload(bytes(answerFile(names[model], answers[model])), `${model}.jsonl`, form, null)).ok).toBe(true);
    }
    const models = await db.languageModel.findMany({ where: { name: { in: [names.good, names.poor] } }, select: { id: true, name: true } });
    const ids = [names.good, names.poor].map((n) => models.find((m) => m.name === n)!.id);
    const admin = await makeUser("ADMIN");
    const created = await createStudy(createStudySchema.parse({ name: unique("mt-bench"), modelIds: ids, judgedTurns: "1, 2", votesPerPair: 2 }), admin.id);
    if (!created.ok) throw new Error(created.message);
    studyId = created.studyId;
    expect(created.pairs).toBe(4);
    await changeStudyStatus(studyId, "OPEN", SYSTEM);
    raters = await makeRaters(studyId, 2);
  });

  it("serves every turn of every question to each rater, later turns never before they are judged, and records each vote on its turn", async () => {
    const seen: string[] = [];
    for (const rater of raters) {
      for (let i = 0; i < 4; i++) {
        const pair = served(await nextAssignment(studyId, rater.id));
        const conversation = pair.conversation!;
        const question = questions.find((q) => conversation.user === q.turns[conversation.turn - 1])!;
        seen.push(`${question.question_id - base}:${conversation.turn}`);
        // Turn 1 sends nothing of turn 2; turn 2 sends turn 1 as earlier context.
        expect(conversation.earlier).toHaveLength(conversation.turn - 1);
        if (conversation.turn === 1) expect(JSON.stringify(pair)).not.toContain(question.turns[1]!);
        expect(JSON.stringify(pair)).not.toContain(names.good);
        // Every rater prefers the good model's answer, whichever side it is on.
        const goodText = answers.good[question.question_id - base]![conversation.turn - 1]!;
        const choice = pair.left.text === goodText ? "LEFT" : "RIGHT";
        expect(isRaterError(await recordVote(studyId, rater.id, { assignmentId: pair.assignmentId, choice }))).toBe(false);
      }
    }
    expect(seen.sort()).toEqual(["0:1", "0:1", "0:2", "0:2", "1:1", "1:1", "1:2", "1:2"]);
    const pairs = await db.pair.findMany({ where: { studyId }, select: { turn: true, voteCount: true, winsA: true } });
    expect(pairs.every((p) => p.voteCount === 2 && p.winsA === 2)).toBe(true);
  });

  it("reports the figures per turn and over all turns", async () => {
    const results = (await getStudyResults(studyId))!;
    expect(results.totals.votes).toBe(8);
    const good = (c: { modelA: string; tally: { winsA: number; winsB: number } }) => (c.modelA === names.good ? c.tally.winsA : c.tally.winsB);
    expect(results.turns?.map((t) => [t.turn, t.totals.comparedVotes, good(t.comparisons[0]!)])).toEqual([[1, 4, 4], [2, 4, 4]]);
    expect(good(results.comparisons[0]!)).toBe(8);
  });

  it("exports battles in Arena's conversation format, each up to its judged turn", async () => {
    const turns = await studyHasTurns(studyId);
    const batches = exportVoteBatches(studyId, formatNeedsOutputs("battles"), [], turns && formatNeedsConversations("battles"));
    const battles = JSON.parse(await new Response(exportStream("battles", batches, { criteria: [], turns })).text()) as
      { turn: number; winner: string; model_a: string; conversation_a: { role: string; content: string }[] }[];
    expect(battles).toHaveLength(8);
    for (const b of battles) {
      expect(b.conversation_a).toHaveLength(2 * b.turn);
      expect(b.winner).toBe(b.model_a === names.good ? "model_a" : "model_b");
    }
  });

  it("attaches MT-Bench's human judgments as a panel and sets it beside the raters per turn", async () => {
    const conversation = (q: number, model: "good" | "poor") =>
      questions[q]!.turns.flatMap((u, t) => [{ role: "user", content: u }, { role: "assistant", content: answers[model][q]![t]! }]);
    const judgments = [0, 1].flatMap((q) => [1, 2].map((turn) => ({
      question_id: base + q, model_a: names.good, model_b: names.poor, winner: "model_a", judge: "expert_0", turn,
      conversation_a: conversation(q, "good"), conversation_b: conversation(q, "poor"),
    })));
    const attached = await importPanelRun(studyId, bytes(JSON.stringify(judgments)), { fileName: "human_judgments.json" });
    expect(attached).toMatchObject({ ok: true, run: { votes: 4, unmatched: { prompt: 0, models: 0, turn: 0 } } });
    const panel = (await getStudyResults(studyId))!.panels![0]!;
    expect(panel.turns.map((t) => t.turn)).toEqual([1, 2]);
  });
});
