// The archive holds every record of a study, raters by pseudonym, and no secret.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/data/audit";
import { setGoldAnswer } from "@/lib/data/pair-review";
import { archiveStream } from "@/lib/data/study-archive";
import { makeAssignment, makePairFixture, makeUser } from "./factories";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Record<string, unknown>[]> {
  const text = await new Response(stream).text();
  return text.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("study archive", () => {
  it("lists the study, models, pairs, outputs, prompts and votes", async () => {
    const f = await makePairFixture();
    const rater = await makeUser("RATER");
    const assignment = await makeAssignment(f, rater.id);
    await db.vote.create({ data: { assignmentId: assignment.id, studyId: f.study.id, pairId: f.pair.id, raterId: rater.id, choice: "LEFT", winnerOutputId: f.outputA.id, msTaken: 4000, rationale: "clearer" } });
    const records = await readAll(archiveStream(f.study.id));
    const count = (type: string) => records.filter((r) => r.type === type).length;
    expect([count("study"), count("pair"), count("output"), count("prompt"), count("vote")]).toEqual([1, 1, 2, 1, 1]);
    const vote = records.find((r) => r.type === "vote")!;
    expect(vote).toMatchObject({ rater: rater.pseudonym, choice: "LEFT", winnerOutputId: f.outputA.id, leftIsA: true, rationale: "clearer" });
    const text = JSON.stringify(records);
    expect(text).not.toContain(rater.email!);
    expect(text).not.toContain(f.study.inviteToken);
    expect(text).not.toContain(f.study.crowdToken);
  });

  it("ends with the study's audit trail, oldest first", async () => {
    const f = await makePairFixture();
    await setGoldAnswer(f.study.id, f.pair.id, "A", SYSTEM);
    await setGoldAnswer(f.study.id, f.pair.id, null, SYSTEM);
    const records = await readAll(archiveStream(f.study.id));
    const audit = records.filter((r) => r.type === "audit");
    expect(audit.map((r) => [r.action, r.actor])).toEqual([["GOLD_SET", "system"], ["GOLD_CLEARED", "system"]]);
    expect(records.at(-1)).toBe(audit.at(-1));
  });
});
