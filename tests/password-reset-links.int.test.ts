// Password reset links against a real PostgreSQL: single use, expiring, a new link replaces the old,
// the password changes and every session of the account ends; crowd raters get none.
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createAuthSession, liveSessionUser } from "@/lib/data/auth-sessions";
import { createPasswordReset, PASSWORD_RESET_LIFETIME_HOURS, passwordResetState, resetPassword } from "@/lib/data/password-resets";
import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/ingest/sha256";
import { makeUser, unique } from "./factories";

const passwordHash = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).passwordHash!;

describe("password reset links", () => {
  it("set the password once, end every session of the account, and store only the token's hash", async () => {
    const user = await makeUser("RATER");
    const other = await makeUser("RATER");
    const [session, othersSession] = [await createAuthSession(user.id, 3600), await createAuthSession(other.id, 3600)];
    const link = (await createPasswordReset(user.id))!;
    expect(link.token.length).toBeGreaterThanOrEqual(43);
    const stored = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(sha256Hex(link.token));
    expect(JSON.stringify(stored)).not.toContain(link.token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(PASSWORD_RESET_LIFETIME_HOURS * 3_600_000);
    expect(await passwordResetState(link.token)).toBe("valid");

    expect(await resetPassword(link.token, "a brand new password")).toEqual({ ok: true });
    expect(await verifyPassword(await passwordHash(user.id), "a brand new password")).toBe(true);
    expect(await liveSessionUser(session, user.id)).toBeNull();
    expect(await liveSessionUser(othersSession, other.id)).toMatchObject({ id: other.id });

    expect(await passwordResetState(link.token)).toBe("used");
    expect(await resetPassword(link.token, "yet another password")).toEqual({ ok: false, state: "used" });
    expect(await verifyPassword(await passwordHash(user.id), "a brand new password")).toBe(true);
  });

  it("expire after their lifetime", async () => {
    const user = await makeUser("RESEARCHER");
    const before = await passwordHash(user.id);
    const made = new Date(Date.now() - (PASSWORD_RESET_LIFETIME_HOURS * 3_600_000 + 1_000));
    const link = (await createPasswordReset(user.id, made))!;
    expect(await passwordResetState(link.token)).toBe("expired");
    expect(await resetPassword(link.token, "a brand new password")).toEqual({ ok: false, state: "expired" });
    expect(await passwordHash(user.id)).toBe(before);
  });

  it("stop working when a newer link is made", async () => {
    const user = await makeUser("RATER");
    const old = (await createPasswordReset(user.id))!;
    const fresh = (await createPasswordReset(user.id))!;
    expect(await passwordResetState(old.token)).toBe("invalid");
    expect(await resetPassword(old.token, "a brand new password")).toEqual({ ok: false, state: "invalid" });
    expect(await resetPassword(fresh.token, "a brand new password")).toEqual({ ok: true });
  });

  it("work once when used twice at the same time", async () => {
    const user = await makeUser("RATER");
    const link = (await createPasswordReset(user.id))!;
    const results = await Promise.all([resetPassword(link.token, "first new password"), resetPassword(link.token, "second new password")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, state: "used" }]);
  });

  it("are not made for crowd raters or deleted accounts, and unknown tokens are invalid", async () => {
    const crowd = await db.user.create({ data: { role: "RATER", pseudonym: unique("c"), externalId: unique("crowd:x") } });
    expect(await createPasswordReset(crowd.id)).toBeNull();
    expect(await createPasswordReset("no-such-user")).toBeNull();
    const user = await makeUser("RATER");
    const link = (await createPasswordReset(user.id))!;
    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    expect(await passwordResetState(link.token)).toBe("invalid");
    expect(await resetPassword(link.token, "a brand new password")).toEqual({ ok: false, state: "invalid" });
    expect(await passwordResetState("not-a-token")).toBe("invalid");
  });
});
