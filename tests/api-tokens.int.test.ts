// Personal API tokens: stored hashed, usable until revoked or expired, bound to their owner.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken, listApiTokens, revokeApiToken, userForApiToken } from "@/lib/data/api-tokens";
import { makeUser } from "./factories";

describe("API tokens", () => {
  it("stores only a hash, authenticates its owner, and stops at revocation", async () => {
    const researcher = await makeUser("RESEARCHER");
    const { id, token } = await createApiToken(researcher.id, "export script");
    expect(token).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token.slice(3));

    expect(await userForApiToken(token)).toMatchObject({ id: researcher.id, role: "RESEARCHER" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeInstanceOf(Date);
    expect(await userForApiToken(`${token}x`)).toBeNull();
    expect(await userForApiToken("not-a-token")).toBeNull();

    const other = await makeUser("ADMIN");
    expect(await revokeApiToken(other.id, id)).toBe(false);
    expect(await userForApiToken(token)).not.toBeNull();
    expect(await revokeApiToken(researcher.id, id)).toBe(true);
    expect(await userForApiToken(token)).toBeNull();
    expect((await listApiTokens(researcher.id))[0]?.revokedAt).toBeInstanceOf(Date);
  });

  it("stores the lifetime chosen at creation, 90 days unless told", async () => {
    const researcher = await makeUser("RESEARCHER");
    const expiry = async (lifetime?: number) => {
      const before = Date.now();
      const { id, expiresAt } = await createApiToken(researcher.id, "t", lifetime);
      const after = Date.now();
      const stored = (await db.apiToken.findUniqueOrThrow({ where: { id } })).expiresAt.getTime();
      expect(stored).toBe(expiresAt.getTime());
      return { earliest: (stored - after) / 86_400_000, latest: (stored - before) / 86_400_000 };
    };
    for (const [lifetime, days] of [[7, 7], [365, 365], [undefined, 90]] as const) {
      const { earliest, latest } = await expiry(lifetime);
      expect(earliest).toBeLessThanOrEqual(days);
      expect(latest).toBeGreaterThanOrEqual(days);
    }
  });

  it("is refused once expired, like a revoked one, and listed as expired", async () => {
    const researcher = await makeUser("RESEARCHER");
    const live = await createApiToken(researcher.id, "live", 30);
    const old = await createApiToken(researcher.id, "old", 30);
    await db.apiToken.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await userForApiToken(live.token)).toMatchObject({ id: researcher.id });
    expect(await userForApiToken(old.token)).toBeNull();
    // A refused token is not recorded as used.
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: old.id } })).lastUsedAt).toBeNull();

    const states = Object.fromEntries((await listApiTokens(researcher.id)).map((t) => [t.name, t.state]));
    expect(states).toEqual({ live: "active", old: "expired" });
    await revokeApiToken(researcher.id, live.id);
    expect((await listApiTokens(researcher.id)).find((t) => t.id === live.id)?.state).toBe("revoked");
  });

  it("dies with a deleted user", async () => {
    const admin = await makeUser("ADMIN");
    const { token } = await createApiToken(admin.id, "t");
    await db.user.update({ where: { id: admin.id }, data: { deletedAt: new Date() } });
    expect(await userForApiToken(token)).toBeNull();
  });
});

describe("sessions", () => {
  it("stop working when they expire or are revoked", async () => {
    const { createAuthSession, liveSessionUser, revokeAuthSession } = await import("@/lib/data/auth-sessions");
    const user = await makeUser("RESEARCHER");
    const live = await createAuthSession(user.id, 3600);
    expect((await liveSessionUser(live, user.id))?.id).toBe(user.id);
    const expired = await createAuthSession(user.id, 3600);
    await db.authSession.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await liveSessionUser(expired, user.id)).toBeNull();
    await revokeAuthSession(live);
    expect(await liveSessionUser(live, user.id)).toBeNull();
  });

  it("give their user in one look-up only while live, for that user, and while the account exists", async () => {
    const { createAuthSession, liveSessionUser, revokeAuthSession } = await import("@/lib/data/auth-sessions");
    const user = await makeUser("RATER");
    const other = await makeUser("ADMIN");
    const sid = await createAuthSession(user.id, 3600);
    expect(await liveSessionUser(sid, user.id)).toMatchObject({ id: user.id, role: "RATER" });
    // A cookie naming another user than its session's is refused.
    expect(await liveSessionUser(sid, other.id)).toBeNull();
    const expired = await createAuthSession(user.id, 3600);
    await db.authSession.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await liveSessionUser(expired, user.id)).toBeNull();
    const deleted = await createAuthSession(other.id, 3600);
    await db.user.update({ where: { id: other.id }, data: { deletedAt: new Date() } });
    expect(await liveSessionUser(deleted, other.id)).toBeNull();
    await revokeAuthSession(sid);
    expect(await liveSessionUser(sid, user.id)).toBeNull();
  });
});
