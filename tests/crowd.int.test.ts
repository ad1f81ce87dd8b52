// Crowd entry: a participant id in the study's crowd link creates one pseudonymous rater per study,
// and only the browser holding that participant's secret (a cookie) resumes it.
import { describe, expect, it } from "vitest";
import { crowdCookieName } from "@/lib/auth/crowd-cookie";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { CROWD_LIMITS, enterCrowd, findCrowdStudy } from "@/lib/data/crowd";
import { sha256Hex } from "@/lib/ingest/sha256";
import { makePairFixture, unique } from "./factories";

async function crowdStudy(enabled = true) {
  const f = await makePairFixture();
  return db.study.update({ where: { id: f.study.id }, data: { status: "OPEN", openedAt: new Date(), crowdEnabled: enabled } });
}

// A fresh client address per test, so one test's attempts never count against another's.
const address = () => unique("203.0.113");

/** The first entry of a participant: the rater and the secret its browser keeps. */
async function firstEntry(token: string, participantId: string, from = address()) {
  const entry = await enterCrowd(token, participantId, undefined, from);
  if (!entry.ok || !entry.secret) throw new Error(`first entry failed: ${JSON.stringify(entry)}`);
  const user = await db.user.findUniqueOrThrow({ where: { externalId: `crowd:${entry.studyId}:${participantId}` } });
  return { entry, secret: entry.secret, user };
}

/** next-auth's "crowd" provider, called as next-auth calls it: credentials, then the request's headers. */
async function authorizeCrowd(credentials: Record<string, string>, cookie?: string) {
  const provider = authOptions().providers.find((p) => (p as { options?: { id?: string } }).options?.id === "crowd");
  const { authorize } = (provider as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } }).options;
  return authorize(credentials, { headers: cookie === undefined ? {} : { cookie }, body: credentials, query: {}, method: "POST" });
}

describe("crowd entry", () => {
  it("creates a member rater on first entry and stores only a hash of the browser's secret", async () => {
    const study = await crowdStudy();
    const { entry, secret, user } = await firstEntry(study.crowdToken, "5f0c0ffee0c0ffee0c0ffee0");
    expect(entry.studyId).toBe(study.id);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(user).toMatchObject({ role: "RATER", email: null, passwordHash: null, crowdSecretHash: sha256Hex(secret) });
    expect(await db.studyMember.count({ where: { studyId: study.id, userId: user.id } })).toBe(1);
  });

  it("resumes a participant only in the browser that holds its secret", async () => {
    const study = await crowdStudy();
    const pid = "5f00aa11bb22cc33dd44ee55";
    const { secret, user } = await firstEntry(study.crowdToken, pid);
    // Someone who only knows the participant id, in another browser: no cookie, or a made-up one.
    expect(await enterCrowd(study.crowdToken, pid, undefined, address())).toEqual({ ok: false, reason: "elsewhere" });
    expect(await enterCrowd(study.crowdToken, pid, "not-the-secret", address())).toEqual({ ok: false, reason: "elsewhere" });
    expect(await enterCrowd(study.crowdToken, pid, secret, address())).toEqual({ ok: true, studyId: study.id });
    expect(await db.user.count({ where: { externalId: `crowd:${study.id}:${pid}` } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).crowdSecretHash).toBe(sha256Hex(secret));
  });

  it("signs in an existing participant only with the secret's cookie, and never creates one", async () => {
    const study = await crowdStudy();
    const { secret, user } = await firstEntry(study.crowdToken, "signed-in-participant");
    const credentials = { token: study.crowdToken, participantId: "signed-in-participant" };
    const cookie = (value: string) => `other=1; ${crowdCookieName(study.id)}=${value}`;
    expect(await authorizeCrowd(credentials)).toBeNull();
    expect(await authorizeCrowd(credentials, cookie("wrong-secret"))).toBeNull();
    expect(await authorizeCrowd(credentials, cookie(secret))).toMatchObject({ id: user.id, role: "RATER" });
    // The invitation link's token is not a crowd token, even with the right cookie.
    expect(await authorizeCrowd({ ...credentials, token: study.inviteToken }, cookie(secret))).toBeNull();
    const before = await db.user.count();
    expect(await authorizeCrowd({ token: study.crowdToken, participantId: "never-entered" }, cookie(secret))).toBeNull();
    expect(await db.user.count()).toBe(before);
  });

  it("keeps the same participant id apart in two studies", async () => {
    const [a, b] = [await crowdStudy(), await crowdStudy()];
    const [ra, rb] = [await firstEntry(a.crowdToken, "same-person"), await firstEntry(b.crowdToken, "same-person")];
    expect(ra.user.id).not.toBe(rb.user.id);
    expect(await db.studyMember.count({ where: { userId: ra.user.id } })).toBe(1);
  });

  it("opens only through the crowd token, of open studies with crowd entry on", async () => {
    const study = await crowdStudy();
    expect(await findCrowdStudy(study.crowdToken)).toMatchObject({ id: study.id });
    expect(await findCrowdStudy(study.inviteToken)).toBeNull();
    expect(await enterCrowd(study.inviteToken, "p1", undefined, address())).toEqual({ ok: false, reason: "invalid" });
    const off = await crowdStudy(false);
    expect(await enterCrowd(off.crowdToken, "p1", undefined, address())).toEqual({ ok: false, reason: "invalid" });
    const closed = await crowdStudy();
    await db.study.update({ where: { id: closed.id }, data: { status: "CLOSED", closedAt: new Date() } });
    expect(await enterCrowd(closed.crowdToken, "p1", undefined, address())).toEqual({ ok: false, reason: "invalid" });
    expect(await db.user.count({ where: { externalId: { startsWith: `crowd:${off.id}:` } } })).toBe(0);
  });

  it("stops guessing at a participant's secret after the per-participant limit", async () => {
    const study = await crowdStudy();
    const pid = "guessed-participant";
    const { secret } = await firstEntry(study.crowdToken, pid);
    for (let i = 1; i < CROWD_LIMITS.perParticipant; i++) {
      expect(await enterCrowd(study.crowdToken, pid, `guess-${i}`, address())).toEqual({ ok: false, reason: "elsewhere" });
    }
    // The window is full: even the right secret waits, so the limit cannot be probed for free.
    expect(await enterCrowd(study.crowdToken, pid, secret, address())).toEqual({ ok: false, reason: "limited" });
  });

  it("lets one address bring many participants, up to the generous per-address limit", async () => {
    const study = await crowdStudy();
    const from = address();
    for (let i = 0; i < 20; i++) expect((await enterCrowd(study.crowdToken, `p-${i}`, undefined, from)).ok).toBe(true);
    // The rest of the window's allowance, recorded directly rather than by 280 more entries.
    await db.signInAttempt.createMany({ data: Array.from({ length: CROWD_LIMITS.perAddress - 20 }, () => ({ key: `crowd-ip:${from}`, succeeded: false })) });
    expect(await enterCrowd(study.crowdToken, "one-too-many", undefined, from)).toEqual({ ok: false, reason: "limited" });
    expect(await db.user.count({ where: { externalId: `crowd:${study.id}:one-too-many` } })).toBe(0);
    // Participants elsewhere are unaffected by this address's count.
    expect((await enterCrowd(study.crowdToken, "fresh-elsewhere", undefined, address())).ok).toBe(true);
  });
});
