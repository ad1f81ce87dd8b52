// What the rater API serves for a conversation pair (issue 21), against a real PostgreSQL: the turns
// up to the judged one, sides as the answers are shown, the system prompt only where the study shows
// it, nothing after the judged turn, no model or id; an undo gives the same view back.
import { describe, expect, it } from "vitest";
import { nextAssignment } from "@/lib/data/assignments";
import { undoVote } from "@/lib/data/undo";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import { parseMarkdown } from "@/lib/markdown/parse";
import { isRaterError } from "@/lib/rater-api/rater-error";
import type { ServedPair, UndoReply } from "@/lib/rating/types";
import { unique } from "./factories";
import { makeRaters } from "./factories-voting";

type Setup = { turn: number; showSystemPrompt?: boolean; sameFirstTurn?: boolean };

/** An open study with one pair of a two-turn conversation, judging `turn` (0: the whole conversation). */
async function conversationStudy({ turn, showSystemPrompt = false, sameFirstTurn = false }: Setup) {
  const tag = unique("conv");
  const userTurns = [`Plan a day in Lisbon ${tag}.`, "Now make it **cheaper**."];
  const prompt = await db.prompt.create({
    data: { instruction: userTurns[0]!, textHash: promptTextHash(userTurns.join("\n"), tag), userTurns, system: "Be brief." },
  });
  const [modelA, modelB] = await Promise.all([unique("secret-model-a"), unique("secret-model-b")].map((name) => db.languageModel.create({ data: { name } })));
  const turnsA = [sameFirstTurn ? "Shared *history*." : "Alfama, then *Belém*.", "Walk everywhere."];
  const turnsB = [sameFirstTurn ? "Shared *history*." : "Sintra by train.", "Take tram 28."];
  const [outputA, outputB] = await Promise.all([
    db.output.create({ data: { promptId: prompt.id, modelId: modelA!.id, turns: turnsA, text: turnsA[1]! } }),
    db.output.create({ data: { promptId: prompt.id, modelId: modelB!.id, turns: turnsB, text: turnsB[1]! } }),
  ]);
  const study = await db.study.create({
    data: {
      name: unique("study"), inviteToken: unique("invite"), status: "OPEN", openedAt: new Date(), showSystemPrompt,
      judgedTurns: turn === 0 ? [] : [turn], votesPerPair: 1, undoSeconds: 60,
    },
  });
  const pair = await db.pair.create({ data: { studyId: study.id, promptId: prompt.id, outputAId: outputA.id, outputBId: outputB.id, turn } });
  const [rater] = await makeRaters(study.id, 1);
  const secrets = [modelA!.name, modelB!.name, modelA!.id, modelB!.id, outputA.id, outputB.id, pair.id, prompt.id];
  return { study, rater: rater!, pair, userTurns, turnsA, turnsB, secrets };
}

async function served(studyId: string, raterId: string): Promise<ServedPair & { leftIsA: boolean }> {
  const result = await nextAssignment(studyId, raterId);
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  const { leftIsA } = await db.assignment.findUniqueOrThrow({ where: { id: result.assignmentId }, select: { leftIsA: true } });
  return { ...result, leftIsA };
}

const answer = (text: string) => ({ text, markdown: parseMarkdown(text) });

describe("a conversation pair as served", () => {
  it("judging turn 2 of 2: turn 1 before it in the answers' orientation, turn 2 as left and right, no system prompt", async () => {
    const c = await conversationStudy({ turn: 2 });
    const pair = await served(c.study.id, c.rater.id);
    const [a1, b1] = pair.leftIsA ? [c.turnsA[0]!, c.turnsB[0]!] : [c.turnsB[0]!, c.turnsA[0]!];
    const [a2, b2] = pair.leftIsA ? [c.turnsA[1]!, c.turnsB[1]!] : [c.turnsB[1]!, c.turnsA[1]!];
    expect(pair.left).toEqual(answer(a2));
    expect(pair.right).toEqual(answer(b2));
    expect(pair.prompt).toEqual({ instruction: c.userTurns[0], input: "" });
    expect(pair.conversation).toEqual({
      earlier: [{ user: c.userTurns[0], left: answer(a1), right: answer(b1) }],
      user: "Now make it **cheaper**.",
      turn: 2,
      turns: 2,
      whole: false,
    });
    const json = JSON.stringify(pair);
    for (const secret of c.secrets) expect(json).not.toContain(secret);
    expect(json).not.toContain("Be brief.");
  });

  it("judging turn 1 of 2 sends nothing of turn 2", async () => {
    const c = await conversationStudy({ turn: 1, showSystemPrompt: true });
    const pair = await served(c.study.id, c.rater.id);
    expect(pair.conversation).toEqual({ system: "Be brief.", earlier: [], user: c.userTurns[0], turn: 1, turns: 2, whole: false });
    const json = JSON.stringify(pair);
    for (const later of [c.userTurns[1]!, c.turnsA[1]!, c.turnsB[1]!]) expect(json).not.toContain(later);
  });

  it("the whole conversation, with a first turn both models share shown once", async () => {
    const c = await conversationStudy({ turn: 0, sameFirstTurn: true });
    const pair = await served(c.study.id, c.rater.id);
    expect(pair.conversation).toEqual({
      earlier: [{ user: c.userTurns[0], same: answer("Shared *history*.") }],
      user: c.userTurns[1],
      turn: 2,
      turns: 2,
      whole: true,
    });
    expect([pair.left.text, pair.right.text].sort()).toEqual(["Take tram 28.", "Walk everywhere."]);
  });

  it("records the vote on the turn's pair, and an undo serves the same view again", async () => {
    const c = await conversationStudy({ turn: 2 });
    const pair = await served(c.study.id, c.rater.id);
    const reply = await recordVote(c.study.id, c.rater.id, { assignmentId: pair.assignmentId, choice: "LEFT" });
    expect(isRaterError(reply)).toBe(false);
    const vote = await db.vote.findUniqueOrThrow({ where: { assignmentId: pair.assignmentId }, select: { pairId: true } });
    expect(vote.pairId).toBe(c.pair.id);
    const undo = (await undoVote(c.study.id, c.rater.id, pair.assignmentId)) as UndoReply;
    expect(undo.pair).toMatchObject({ prompt: pair.prompt, left: pair.left, right: pair.right, conversation: pair.conversation });
  });
});
