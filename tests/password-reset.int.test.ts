// Setting a password for an existing account ends that account's sessions, and only its own.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken, userForApiToken } from "@/lib/data/api-tokens";
import { createAuthSession, liveSessionUser } from "@/lib/data/auth-sessions";
import { ensureAdmin, setAdmin } from "@/lib/data/bootstrap-admin";
import { verifyPassword } from "@/lib/auth/password";
import { makeUser, unique } from "./factories";

const passwordHash = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).passwordHash!;

describe("setAdmin (npm run create-admin)", () => {
  it("ends the account's live sessions with the new password, and leaves other accounts' sessions and its tokens", async () => {
    const user = await makeUser("RESEARCHER");
    const other = await makeUser("RESEARCHER");
    const [first, second] = [await createAuthSession(user.id, 3600), await createAuthSession(user.id, 3600)];
    const othersSession = await createAuthSession(other.id, 3600);
    const { token } = await createApiToken(user.id, "script");
    expect(await liveSessionUser(first, user.id)).not.toBeNull();

    const admin = await setAdmin(user.email!, "a brand new password");

    expect(admin).toMatchObject({ id: user.id, role: "ADMIN" });
    expect(await verifyPassword(await passwordHash(user.id), "a brand new password")).toBe(true);
    expect(await liveSessionUser(first, user.id)).toBeNull();
    expect(await liveSessionUser(second, user.id)).toBeNull();
    expect(await db.authSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect(await liveSessionUser(othersSession, other.id)).toMatchObject({ id: other.id });
    // API tokens are credentials of their own, revoked on the tokens page, not by a password reset.
    expect(await userForApiToken(token)).toMatchObject({ id: user.id });
    // Signing in again afterwards works as usual.
    const fresh = await createAuthSession(user.id, 3600);
    expect(await liveSessionUser(fresh, user.id)).toMatchObject({ id: user.id, role: "ADMIN" });
  });

  it("creates the admin when the email is unknown", async () => {
    const email = `${unique("admin")}@test.example`;
    const admin = await setAdmin(email, "long enough password");
    expect(admin).toMatchObject({ email, role: "ADMIN" });
    expect(await verifyPassword(await passwordHash(admin.id), "long enough password")).toBe(true);
  });
});

describe("ensureAdmin (ADMIN_EMAIL at start-up)", () => {
  it("leaves an existing account's password and sessions alone", async () => {
    const user = await makeUser("ADMIN");
    const session = await createAuthSession(user.id, 3600);
    const before = await passwordHash(user.id);
    expect(await ensureAdmin(user.email!, "some other password")).toBe("exists");
    expect(await passwordHash(user.id)).toBe(before);
    expect(await liveSessionUser(session, user.id)).toMatchObject({ id: user.id });
  });
});
