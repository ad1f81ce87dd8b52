// How people become raters of a study: through the study's link (sign up, then join that study only)
// or through an email invitation's own link (single use, expiring). Sign-up never tells whether an
// email has an account, and is rate-limited per email and per client address.
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { enterCrowd, findCrowdStudy } from "@/lib/data/crowd";
import {
  acceptEmailInvite, findEmailInvite, findInvitedStudy, joinStudy, SIGN_UP_LIMITS, signUpThroughEmailInvite, signUpThroughInvite,
} from "@/lib/data/invitations";
import { addRatersByEmail } from "@/lib/data/study-admin";
import { sha256Hex } from "@/lib/ingest/sha256";
import { makePairFixture, makeUser, unique } from "./factories";

const PASSWORD = "long enough password";
const TOO_MANY = /Too many attempts/;

async function openStudy(data: { crowdEnabled?: boolean } = {}) {
  const f = await makePairFixture();
  return db.study.update({ where: { id: f.study.id }, data: { status: "OPEN", openedAt: new Date(), ...data } });
}

// A fresh client address per test, so one test's attempts never count against another's.
const address = () => unique("198.51.100");
const newEmail = (prefix = "invitee") => `${unique(prefix)}@test.example`;

/** Invites the email to the study, as the admin does, and returns the token of its link. */
async function invite(studyId: string, email: string): Promise<string> {
  const result = await addRatersByEmail(studyId, [email]);
  const link = result?.invited.find((i) => i.email === email);
  if (!link) throw new Error(`no invitation link for ${email}`);
  return link.token;
}

const memberships = async (email: string) =>
  (await db.studyMember.findMany({ where: { user: { email } }, select: { studyId: true } })).map((m) => m.studyId).sort();

describe("signing up through a study's link", () => {
  it("joins that link's study only, never a study that invited the same email", async () => {
    const [mine, theirs] = [await openStudy(), await openStudy()];
    const email = newEmail("takeover");
    await invite(theirs.id, email);
    expect(await signUpThroughInvite(mine.inviteToken, email, PASSWORD, address())).toEqual({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await joinStudy(mine.inviteToken, user)).toEqual({ ok: true, studyId: mine.id });
    expect(await memberships(email)).toEqual([mine.id]);
    // The other study's invitation is still waiting for whoever holds its link.
    expect(await db.studyInvite.findFirstOrThrow({ where: { studyId: theirs.id, email } })).toMatchObject({ acceptedAt: null, tokenHash: expect.any(String) });
  });

  it("answers the same whether or not the email has an account, and leaves the existing account alone", async () => {
    const study = await openStudy();
    const existing = await makeUser("RATER", "the owner's password");
    const before = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    const forExisting = await signUpThroughInvite(study.inviteToken, existing.email!, PASSWORD, address());
    const forNew = await signUpThroughInvite(study.inviteToken, newEmail("fresh"), PASSWORD, address());
    expect(forExisting).toEqual(forNew);
    const after = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await verifyPassword(after.passwordHash!, "the owner's password")).toBe(true);
    expect(await memberships(existing.email!)).toEqual([]);
  });

  it("refuses a link that is not a study's invitation link", async () => {
    const study = await openStudy({ crowdEnabled: true });
    for (const token of ["wrong-token", study.crowdToken]) {
      expect(await signUpThroughInvite(token, newEmail(), PASSWORD, address())).toMatchObject({ ok: false, message: expect.stringMatching(/not valid/) });
    }
  });

  it(`refuses sign-up number ${SIGN_UP_LIMITS.perEmail + 1} for one email within the window, from any address`, async () => {
    const study = await openStudy();
    const email = newEmail("hammered");
    for (let i = 0; i < SIGN_UP_LIMITS.perEmail; i++) {
      expect(await signUpThroughInvite(study.inviteToken, email, PASSWORD, address())).toEqual({ ok: true });
    }
    expect(await signUpThroughInvite(study.inviteToken, email, PASSWORD, address())).toMatchObject({ ok: false, message: expect.stringMatching(TOO_MANY) });
    expect(await signUpThroughInvite(study.inviteToken, newEmail(), PASSWORD, address())).toEqual({ ok: true });
  });

  it("lets a class behind one address sign up, up to the generous per-address limit", async () => {
    const study = await openStudy();
    const classroom = address();
    for (let i = 0; i < 20; i++) expect(await signUpThroughInvite(study.inviteToken, newEmail("student"), PASSWORD, classroom)).toEqual({ ok: true });
    // The rest of the window's allowance, recorded directly rather than by 80 more argon2 hashes.
    const rest = SIGN_UP_LIMITS.perAddress - 20;
    await db.signInAttempt.createMany({ data: Array.from({ length: rest }, () => ({ key: `signup-ip:${classroom}`, succeeded: false })) });
    const refused = newEmail("late");
    expect(await signUpThroughInvite(study.inviteToken, refused, PASSWORD, classroom)).toMatchObject({ ok: false, message: expect.stringMatching(TOO_MANY) });
    expect(await db.user.count({ where: { email: refused } })).toBe(0);
  });
});

describe("email invitations", () => {
  it("give the admin one link per new email, of which only a hash is stored, expiring in 14 days", async () => {
    const study = await openStudy();
    const email = newEmail();
    const result = await addRatersByEmail(study.id, [email]);
    const link = result!.invited[0]!;
    expect(link).toMatchObject({ email, token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/) });
    const row = await db.studyInvite.findFirstOrThrow({ where: { studyId: study.id, email } });
    expect(row.tokenHash).toBe(sha256Hex(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
    const days = (row.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
  });

  it("show the study and the invited email, never the models", async () => {
    const study = await openStudy();
    const email = newEmail();
    const found = await findEmailInvite(await invite(study.id, email));
    expect(found).toEqual({ email, study: { id: study.id, name: study.name, description: study.description } });
  });

  it("create the invited email's rater account, a member of that invitation's study only", async () => {
    const [invited, alsoInvited] = [await openStudy(), await openStudy()];
    const email = newEmail();
    const token = await invite(invited.id, email);
    await invite(alsoInvited.id, email);
    expect(await signUpThroughEmailInvite(token, PASSWORD, address())).toEqual({ ok: true, studyId: invited.id, email });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("RATER");
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
    expect(await memberships(email)).toEqual([invited.id]);
    expect(await db.studyInvite.findFirstOrThrow({ where: { studyId: invited.id, email } })).toMatchObject({ acceptedAt: expect.any(Date), tokenHash: null });
    expect(await db.studyInvite.findFirstOrThrow({ where: { studyId: alsoInvited.id, email } })).toMatchObject({ acceptedAt: null });
  });

  it("are claimed exactly once when two claims race, and the used link is dead", async () => {
    const study = await openStudy();
    const token = await invite(study.id, newEmail());
    const [first, second] = [await makeUser("RATER"), await makeUser("RATER")];
    const results = await Promise.all([acceptEmailInvite(token, first), acceptEmailInvite(token, second)]);
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, studyId: study.id }]);
    expect(await db.studyMember.count({ where: { studyId: study.id } })).toBe(1);
    expect(await findEmailInvite(token)).toBeNull();
    expect(await signUpThroughEmailInvite(token, PASSWORD, address())).toMatchObject({ ok: false, message: expect.stringMatching(/not valid/) });
  });

  it("can be accepted by a signed-in rater, but not by staff accounts", async () => {
    const study = await openStudy();
    const token = await invite(study.id, newEmail());
    expect(await acceptEmailInvite(token, await makeUser("ADMIN"))).toMatchObject({ ok: false });
    const rater = await makeUser("RATER");
    expect(await acceptEmailInvite(token, rater)).toEqual({ ok: true, studyId: study.id });
    expect(await db.studyMember.count({ where: { studyId: study.id, userId: rater.id } })).toBe(1);
  });

  it("expire, and a fresh link replaces the old one", async () => {
    const study = await openStudy();
    const email = newEmail();
    const expired = await invite(study.id, email);
    await db.studyInvite.updateMany({ where: { studyId: study.id, email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findEmailInvite(expired)).toBeNull();
    expect(await acceptEmailInvite(expired, await makeUser("RATER"))).toMatchObject({ ok: false });
    const fresh = await invite(study.id, email);
    expect(fresh).not.toBe(expired);
    expect(await findEmailInvite(expired)).toBeNull();
    expect(await signUpThroughEmailInvite(fresh, PASSWORD, address())).toMatchObject({ ok: true, studyId: study.id });
  });

  it("are dead once their study is closed", async () => {
    const study = await openStudy();
    const token = await invite(study.id, newEmail());
    await db.study.update({ where: { id: study.id }, data: { status: "CLOSED", closedAt: new Date() } });
    expect(await findEmailInvite(token)).toBeNull();
    expect(await acceptEmailInvite(token, await makeUser("RATER"))).toMatchObject({ ok: false });
  });

  it("do not reset an existing account: its owner is asked to sign in and accept", async () => {
    const study = await openStudy();
    const email = newEmail();
    const token = await invite(study.id, email);
    const owner = await db.user.create({ data: { email, role: "RATER", pseudonym: unique("r"), passwordHash: "kept" } });
    expect(await signUpThroughEmailInvite(token, PASSWORD, address())).toMatchObject({ ok: false, message: expect.stringMatching(/sign in/i) });
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).passwordHash).toBe("kept");
    expect(await findEmailInvite(token)).toMatchObject({ email });
  });

  it("count toward the sign-up limit of the invited email", async () => {
    const study = await openStudy();
    const email = newEmail();
    const token = await invite(study.id, email);
    await db.signInAttempt.createMany({ data: Array.from({ length: SIGN_UP_LIMITS.perEmail }, () => ({ key: `signup-email:${email}`, succeeded: false })) });
    expect(await signUpThroughEmailInvite(token, PASSWORD, address())).toMatchObject({ ok: false, message: expect.stringMatching(TOO_MANY) });
    expect(await findEmailInvite(token)).toMatchObject({ email });
  });
});

describe("the three kinds of link are not interchangeable", () => {
  it("an invitation's token is neither a study link nor a crowd link, and neither of those is an invitation", async () => {
    const study = await openStudy({ crowdEnabled: true });
    const token = await invite(study.id, newEmail());
    const rater = await makeUser("RATER");
    expect(await findInvitedStudy(token)).toBeNull();
    expect(await joinStudy(token, rater)).toMatchObject({ ok: false });
    expect(await signUpThroughInvite(token, newEmail(), PASSWORD, address())).toMatchObject({ ok: false });
    expect(await findCrowdStudy(token)).toBeNull();
    expect(await enterCrowd(token, "5f00aa11bb22cc33dd44ee55", undefined, address())).toEqual({ ok: false, reason: "invalid" });
    for (const studyToken of [study.inviteToken, study.crowdToken]) {
      expect(await findEmailInvite(studyToken)).toBeNull();
      expect(await acceptEmailInvite(studyToken, rater)).toMatchObject({ ok: false });
    }
    expect(await findInvitedStudy(study.crowdToken)).toBeNull();
    expect(await joinStudy(study.crowdToken, rater)).toMatchObject({ ok: false });
    expect(await db.studyMember.count({ where: { userId: rater.id } })).toBe(0);
  });
});
