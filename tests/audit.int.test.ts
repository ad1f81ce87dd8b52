// The audit trail against PostgreSQL: one row for every change to what a study's results show,
// written with the change, and a table that refuses UPDATE and DELETE (even of a deleted study's rows).
import { describe, expect, it } from "vitest";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { listAudit, SYSTEM } from "@/lib/data/audit";
import { nextAssignment } from "@/lib/data/assignments";
import { setGoldAnswer, setPairExcluded } from "@/lib/data/pair-review";
import { runUpload } from "@/lib/data/run-upload";
import { changeStudyStatus } from "@/lib/data/study-admin";
import { undoVote } from "@/lib/data/undo";
import { deleteAccount } from "@/lib/data/user-admin";
import { recordVote } from "@/lib/data/votes";
import { withdrawFromStudy, withdrawRater } from "@/lib/data/withdrawal";
import { db } from "@/lib/db";
import { uploadFormSchema } from "@/lib/validation/upload";
import { castVote } from "./factories-results";
import { makeOpenStudy, makeRaters } from "./factories-voting";

const admin = { id: "admin-id", label: "admin@lab.example" };
const actions = async (studyId: string) => (await listAudit(studyId)).map((e) => e.action);

async function sqlState(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } }; cause?: { code?: string } };
    return e.meta?.driverAdapterError?.cause?.originalCode ?? e.cause?.code ?? e.code ?? String(error);
  }
}

describe("audit trail", () => {
  it("records opening and closing, with who did it, newest first", async () => {
    const f = await makeOpenStudy(1);
    await db.study.update({ where: { id: f.study.id }, data: { status: "DRAFT" } });
    expect(await changeStudyStatus(f.study.id, "OPEN", admin)).toEqual({ ok: true });
    expect(await changeStudyStatus(f.study.id, "OPEN", admin)).toMatchObject({ ok: false });
    expect(await changeStudyStatus(f.study.id, "CLOSED", admin)).toEqual({ ok: true });
    const trail = await listAudit(f.study.id);
    expect(trail.map((e) => [e.action, e.actor])).toEqual([["STUDY_CLOSED", admin.label], ["STUDY_OPENED", admin.label]]);
    expect((await db.auditEvent.findFirstOrThrow({ where: { studyId: f.study.id } })).actorId).toBe(admin.id);
  });

  it("records gold answers set and cleared, and pairs excluded and included", async () => {
    const f = await makeOpenStudy(2);
    const pairId = f.pairs[0]!.id;
    await setGoldAnswer(f.study.id, pairId, "B", admin);
    await setGoldAnswer(f.study.id, pairId, null, admin);
    expect(await setPairExcluded(f.study.id, pairId, true, admin)).toBe(true);
    expect(await setPairExcluded(f.study.id, pairId, true, admin)).toBe(true); // no change, no row
    expect(await setPairExcluded(f.study.id, pairId, false, admin)).toBe(true);
    expect(await setPairExcluded(f.study.id, "no-such-pair", true, admin)).toBe(false);
    const trail = await listAudit(f.study.id);
    expect(trail.map((e) => e.action)).toEqual(["PROMPT_INCLUDED", "PROMPT_EXCLUDED", "GOLD_CLEARED", "GOLD_SET"]);
    expect(trail.at(-1)!.details).toEqual({ pairId, answer: "B" });
  });

  it("records an undone vote by the rater's pseudonym, in the undo's own transaction", async () => {
    const f = await makeOpenStudy(2, { undoSeconds: 30 });
    const [rater] = await makeRaters(f.study.id, 1);
    const served = await nextAssignment(f.study.id, rater!.id);
    if (isRaterError(served) || !("assignmentId" in served)) throw new Error("expected a pair");
    const vote = await recordVote(f.study.id, rater!.id, { assignmentId: served.assignmentId, choice: "TIE" });
    expect(isRaterError(vote)).toBe(false);
    expect(isRaterError(await undoVote(f.study.id, rater!.id, served.assignmentId))).toBe(false);
    const [row] = await listAudit(f.study.id);
    expect(row).toMatchObject({ action: "VOTE_UNDONE", actor: rater!.pseudonym, details: { rater: rater!.pseudonym, choice: "TIE" } });
    expect(JSON.stringify(row)).not.toContain(rater!.email);
  });

  it("records outputs replaced in a draft study's pairs, by the uploader", async () => {
    const f = await makeOpenStudy(2);
    await db.study.update({ where: { id: f.study.id }, data: { status: "DRAFT" } });
    const row = JSON.stringify({ instruction: f.pairs[0]!.prompt.instruction, output: "a better answer", generator: f.modelA.name });
    const form = uploadFormSchema.parse({ replace: "on" });
    const result = await runUpload(new TextEncoder().encode(row), "fix.jsonl", form, null);
    expect(result.ok).toBe(true);
    const [event] = await listAudit(f.study.id);
    expect(event).toMatchObject({ action: "OUTPUTS_REPLACED", actor: "system", details: { outputs: 1, fileName: "fix.jsonl" } });
  });

  it("records withdrawals (own and on request) and an admin's account deletion with the votes removed", async () => {
    const f = await makeOpenStudy(3);
    const [a, b, c] = await makeRaters(f.study.id, 3);
    for (const r of [a!, b!, c!]) await castVote(f.study.id, { pair: f.pairs[0]!, raterId: r.id, outcome: "A", leftIsA: true });
    await castVote(f.study.id, { pair: f.pairs[1]!, raterId: a!.id, outcome: "B", leftIsA: false });
    expect(await withdrawFromStudy(f.study.id, a!.id)).toMatchObject({ ok: true, votesRemoved: 2 });
    expect(await withdrawRater(f.study.id, b!.pseudonym, admin)).toMatchObject({ ok: true, votesRemoved: 1 });
    expect(await deleteAccount(c!.id, "remove-votes", admin)).toBe(true);
    const trail = await listAudit(f.study.id);
    expect(trail.map((e) => [e.action, e.actor, e.details])).toEqual([
      ["RATER_REMOVED", admin.label, { rater: c!.pseudonym, mode: "remove-votes", votesRemoved: 1 }],
      ["RATER_WITHDREW", admin.label, { rater: b!.pseudonym, votesRemoved: 1, onRequest: true }],
      ["RATER_WITHDREW", a!.pseudonym, { rater: a!.pseudonym, votesRemoved: 2, onRequest: false }],
    ]);
  });

  it("refuses UPDATE and DELETE, and keeps a deleted study's rows", async () => {
    const f = await makeOpenStudy(1);
    await changeStudyStatus(f.study.id, "CLOSED", SYSTEM);
    const where = { studyId: f.study.id };
    expect(await sqlState(() => db.auditEvent.updateMany({ where, data: { actorLabel: "someone else" } }))).toBe("42501");
    expect(await sqlState(() => db.auditEvent.deleteMany({ where }))).toBe("42501");
    expect(await sqlState(() => db.$executeRaw`DELETE FROM "AuditEvent" WHERE "studyId" = ${f.study.id}`)).toBe("42501");
    await db.study.delete({ where: { id: f.study.id } });
    expect(await actions(f.study.id)).toEqual(["STUDY_CLOSED"]);
  });
});
