// Deleting a rater: identity erased, votes kept under the pseudonym or removed with counts fixed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/data/audit";
import { createAuthSession } from "@/lib/data/auth-sessions";
import { createAccount, deleteAccount } from "@/lib/data/user-admin";
import { makeAssignment, makePairFixture, makeUser, unique } from "./factories";

async function raterWithVote() {
  const f = await makePairFixture();
  const rater = await makeUser("RATER");
  const assignment = await makeAssignment(f, rater.id);
  await db.vote.create({ data: { assignmentId: assignment.id, studyId: f.study.id, pairId: f.pair.id, raterId: rater.id, choice: "TIE", msTaken: 900 } });
  return { f, rater };
}

describe("deleteAccount", () => {
  it("keeps votes under the pseudonym and erases the identity and sessions", async () => {
    const { f, rater } = await raterWithVote();
    await createAuthSession(rater.id, 3600);
    expect(await deleteAccount(rater.id, "keep-votes", SYSTEM)).toBe(true);
    const gone = await db.user.findUniqueOrThrow({ where: { id: rater.id } });
    expect(gone).toMatchObject({ email: null, passwordHash: null, pseudonym: rater.pseudonym });
    expect(gone.deletedAt).toBeInstanceOf(Date);
    expect(await db.authSession.count({ where: { userId: rater.id } })).toBe(0);
    expect(await db.vote.count({ where: { raterId: rater.id } })).toBe(1);
    expect((await db.pair.findUniqueOrThrow({ where: { id: f.pair.id } })).voteCount).toBe(1);
    expect(await deleteAccount(rater.id, "keep-votes", SYSTEM)).toBe(false);
  });

  it("removes votes and gives the pairs back to the pool", async () => {
    const { f, rater } = await raterWithVote();
    expect(await deleteAccount(rater.id, "remove-votes", SYSTEM)).toBe(true);
    expect(await db.vote.count({ where: { raterId: rater.id } })).toBe(0);
    expect(await db.assignment.count({ where: { raterId: rater.id } })).toBe(0);
    expect((await db.pair.findUniqueOrThrow({ where: { id: f.pair.id } })).voteCount).toBe(0);
  });

  it("creates accounts once per email", async () => {
    const email = `${unique("researcher")}@test.example`;
    expect(await createAccount(email, "long enough password", "RESEARCHER")).toMatchObject({ ok: true });
    expect(await createAccount(email, "long enough password", "RESEARCHER")).toEqual({ ok: false, message: "An account with this email exists." });
  });
});
