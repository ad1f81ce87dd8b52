// Server-side session records behind next-auth's JWT cookie: sign-out and expiry revoke them here.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
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

/** The session's user, if the session is live and belongs to that active user: one statement per request. */
export async function liveSessionUser(sessionId: string, userId: string): Promise<SessionUser | null> {
  return db.user.findFirst({
    where: { id: userId, deletedAt: null, sessions: { some: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } } } },
    select: { id: true, email: true, name: true, role: true, pseudonym: true },
  });
}

export async function revokeAuthSession(sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
