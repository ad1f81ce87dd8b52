// Server-side session records behind next-auth's JWT cookie: sign-out and expiry revoke them here.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { DB_NOW } from "@/lib/data/study-access";
import type { SessionUser } from "@/lib/data/users";

export async function createAuthSession(userId: string, maxAgeSeconds: number): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.authSession.create({
    data: { id, userId, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) },
  });
  return id;
}

/** The user id of a live (not revoked, not expired) session, or null. */
export async function liveSessionUserId(sessionId: string): Promise<string | null> {
  const session = await db.authSession.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { userId: true },
  });
  return session?.userId ?? null;
}

/**
 * The session's user, if the session is live and belongs to that active user: one plain statement
 * per request (every API call runs it, so it skips the ORM's query building).
 */
export async function liveSessionUser(sessionId: string, userId: string): Promise<SessionUser | null> {
  const rows = await db.$queryRaw<SessionUser[]>`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.pseudonym
    FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId} AND s."userId" = ${userId} AND s."revokedAt" IS NULL AND s."expiresAt" > ${DB_NOW}
      AND u."deletedAt" IS NULL`;
  return rows[0] ?? null;
}

export async function revokeAuthSession(sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
