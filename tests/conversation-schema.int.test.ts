// The database's own rules for conversations (issue 21): an output's text is its last turn, a pair judges
// a turn its outputs have, each turn is its own pair, and a pair's lengths are those of the judged turn.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import { unique } from "./factories";

async function twoTurnConversation() {
  const first = unique("Plan a trip to Lisbon");
  const prompt = await db.prompt.create({
    data: { instruction: first, textHash: promptTextHash(first, "turn two"), userTurns: [first, "Now make it cheaper."], system: "Be brief." },
  });
  const [modelA, modelB] = await Promise.all([db.languageModel.create({ data: { name: unique("model-a") } }), db.languageModel.create({ data: { name: unique("model-b") } })]);
  const outputA = await db.output.create({ data: { promptId: prompt.id, modelId: modelA.id, turns: ["Day 1: Alfama.", "Walk."], text: "Walk." } });
  const outputB = await db.output.create({ data: { promptId: prompt.id, modelId: modelB.id, turns: ["Visit Belém.", "Take the tram 28."], text: "Take the tram 28." } });
  const study = await db.study.create({ data: { name: unique("study"), inviteToken: unique("invite"), judgedTurns: [1, 2] } });
  return { prompt, outputA, outputB, study };
}

describe("conversations in the database", () => {
  it("keeps a conversation output's text equal to its last turn", async () => {
    const c = await twoTurnConversation();
    await expect(db.output.update({ where: { id: c.outputA.id }, data: { text: "something else" } })).rejects.toThrow(/Output_text_is_last_turn/);
    await expect(db.output.update({ where: { id: c.outputA.id }, data: { turns: ["Day 1: Alfama.", "Run."] } })).rejects.toThrow(/Output_text_is_last_turn/);
  });

  it("gives each judged turn its own pair, with the lengths of that turn, and the whole conversation the sum", async () => {
    const c = await twoTurnConversation();
    const pair = (turn: number) => db.pair.create({
      data: { studyId: c.study.id, promptId: c.prompt.id, outputAId: c.outputA.id, outputBId: c.outputB.id, turn },
      select: { id: true, lengthA: true, lengthB: true },
    });
    expect(await pair(1)).toMatchObject({ lengthA: 14, lengthB: 12 });
    expect(await pair(2)).toMatchObject({ lengthA: 5, lengthB: 17 });
    expect(await pair(0)).toMatchObject({ lengthA: 19, lengthB: 29 });
    // The same turn again, in either order, is refused.
    await expect(pair(2)).rejects.toThrow(/Unique constraint/);
    await expect(db.pair.create({ data: { studyId: c.study.id, promptId: c.prompt.id, outputAId: c.outputB.id, outputBId: c.outputA.id, turn: 1 } }))
      .rejects.toThrow(/Pair_study_prompt_model_pair_key|Unique constraint/);
    // A turn the outputs do not have is refused.
    await expect(pair(3)).rejects.toThrow(/no such turn/);
  });

  it("re-reads a turn pair's lengths when an output's turns are replaced", async () => {
    const c = await twoTurnConversation();
    const p = await db.pair.create({ data: { studyId: c.study.id, promptId: c.prompt.id, outputAId: c.outputA.id, outputBId: c.outputB.id, turn: 1 } });
    await db.output.update({ where: { id: c.outputA.id }, data: { turns: ["Day 1: Alfama, then Baixa.", "Walk."] } });
    expect(await db.pair.findUniqueOrThrow({ where: { id: p.id }, select: { lengthA: true } })).toEqual({ lengthA: 26 });
  });

  it("refuses judged turns below 1 and pair turns below 0", async () => {
    await expect(db.study.create({ data: { name: unique("study"), inviteToken: unique("invite"), judgedTurns: [0] } })).rejects.toThrow(/Study_judgedTurns_check/);
    const c = await twoTurnConversation();
    await expect(db.pair.create({ data: { studyId: c.study.id, promptId: c.prompt.id, outputAId: c.outputA.id, outputBId: c.outputB.id, turn: -1 } }))
      .rejects.toThrow(/Pair_turn_check|no such turn/);
  });
});
