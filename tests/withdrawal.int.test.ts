// Withdrawal against PostgreSQL: every vote of the rater in the study goes and every tally equals a
// recount, the membership ends for good, a crowd participant's id leaves the database, and the
// results no longer count the votes.
import { describe, expect, it } from "vitest";
import { enterCrowd } from "@/lib/data/crowd";
import { addRatersByEmail } from "@/lib/data/study-admin";
import { withdrawFromStudy, withdrawRater } from "@/lib/data/withdrawal";
import { db } from "@/lib/db";
import { getStudyResults } from "@/lib/results/study-results";
import { castVote, type Outcome } from "./factories-results";
import { unique } from "./factories";
import { makeOpenStudy, makeRaters } from "./factories-voting";
import { NO_MISMATCHES, tallyMismatches } from "./recount";

/** Four raters on four pairs with mixed outcomes, so removing one changes the others' agreement. */
async function votedStudy() {
  const f = await makeOpenStudy(4, { votesPerPair: 4 });
  const raters = await makeRaters(f.study.id, 4);
  const plan: Outcome[][] = [["A", "B", "A", "T"], ["B", "B", "A", "X"], ["A", "A", "A", "B"], ["T", "B", "B", "A"]];
  for (const [p, outcomes] of plan.entries()) {
    for (const [r, outcome] of outcomes.entries()) {
      await castVote(f.study.id, { pair: f.pairs[p]!, raterId: raters[r]!.id, outcome, leftIsA: (p + r) % 2 === 0, at: new Date(Date.now() - (16 - p * 4 - r) * 60_000) });
    }
  }
  return { ...f, raters };
}

describe("withdrawal", () => {
  it("removes every vote of the rater in the study, with every tally equal to a recount", async () => {
    const f = await votedStudy();
    const before = await getStudyResults(f.study.id);
    const quitter = f.raters[2]!;
    expect(await withdrawFromStudy(f.study.id, quitter.id)).toEqual({ ok: true, votesRemoved: 4, pseudonym: quitter.pseudonym, crowd: false });
    expect(await tallyMismatches(f.study.id)).toEqual(NO_MISMATCHES);
    expect(await db.vote.count({ where: { studyId: f.study.id, raterId: quitter.id } })).toBe(0);
    expect(await db.assignment.count({ where: { studyId: f.study.id, raterId: quitter.id } })).toBe(0);
    const after = await getStudyResults(f.study.id);
    expect(before!.totals.votes).toBe(16);
    expect(after!.totals.votes).toBe(12);
    expect(after!.raters.map((r) => r.pseudonym)).not.toContain(quitter.pseudonym);
    // The account itself stays (it may rate other studies); a second withdrawal finds no membership.
    expect(await db.user.findUniqueOrThrow({ where: { id: quitter.id }, select: { email: true } })).toEqual({ email: quitter.email });
    expect(await withdrawFromStudy(f.study.id, quitter.id)).toEqual({ ok: false });
  });

  it("ends the membership for good: adding the account again leaves it out", async () => {
    const f = await votedStudy();
    const quitter = f.raters[0]!;
    await withdrawRater(f.study.id, quitter.pseudonym, { id: null, label: "admin@lab.example" });
    expect(await withdrawRater(f.study.id, "r_nobody", { id: null, label: "admin@lab.example" })).toEqual({ ok: false });
    await addRatersByEmail(f.study.id, [quitter.email]);
    expect(await db.studyMember.count({ where: { studyId: f.study.id, userId: quitter.id } })).toBe(0);
    // Another study is another matter.
    const other = await makeOpenStudy(1);
    await addRatersByEmail(other.study.id, [quitter.email]);
    expect(await db.studyMember.count({ where: { studyId: other.study.id, userId: quitter.id } })).toBe(1);
  });

  it("deletes a crowd participant's rater and platform id, and refuses the same id's return", async () => {
    const f = await makeOpenStudy(2);
    const study = await db.study.update({ where: { id: f.study.id }, data: { crowdEnabled: true } });
    const pid = unique("PID").replace(/-/g, "");
    const entry = await enterCrowd(study.crowdToken, pid, undefined, unique("203.0.113"));
    if (!entry.ok) throw new Error("crowd entry failed");
    const user = await db.user.findUniqueOrThrow({ where: { externalId: `crowd:${study.id}:${pid}` } });
    await castVote(study.id, { pair: f.pairs[0]!, raterId: user.id, outcome: "A", leftIsA: true });
    expect(await withdrawFromStudy(study.id, user.id)).toMatchObject({ ok: true, votesRemoved: 1, crowd: true });
    const gone = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(gone.deletedAt).not.toBeNull();
    expect(gone.crowdSecretHash).toBeNull();
    expect(gone.externalId).toMatch(/^withdrawn:[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.user.findMany({ where: { id: user.id } }))).not.toContain(pid);
    expect(await enterCrowd(study.crowdToken, pid, undefined, unique("203.0.113"))).toEqual({ ok: false, reason: "invalid" });
    expect(await db.user.count({ where: { externalId: { contains: pid } } })).toBe(0);
  });
});
