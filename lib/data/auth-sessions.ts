// Server-side session records behind next-auth's JWT cookie: sign-out and expiry revoke them here.
import "server-only";
import { randomBytes } from "node:crypto";
import { DB_NOW_TEXT, db, preparedRows } from "@/lib/db";
import type { SessionUser } from "@/lib/data/users";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

// What makes a session live, written once: the look-up behind every request and the vote statement
// (which checks the session itself) both use it. `s` is the AuthSession row, `u` its User.
const liveSession = (sessionParam: string, userParam: string) => `
  s.id = ${sessionParam} AND s."userId" = ${userParam} AND s."revokedAt" IS NULL
  AND s."expiresAt" > ${DB_NOW_TEXT} AND u."deletedAt" IS NULL`;

/** SQL true when the session is live and its user has the role (parameters given as `$n`). */
export function liveSessionWithRoleSql(sessionParam: string, userParam: string, role: Role): string {
  if (!/^[A-Z]+$/.test(role)) throw new Error(`not a role: ${role}`);
  return `EXISTS (SELECT 1 FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
    WHERE ${liveSession(sessionParam, userParam)} AND u.role = '${role}')`;
}

const LIVE_SESSION_USER = `
  SELECT u.id, u.email, u.name, u.role::text AS role, u.pseudonym
  FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
  WHERE ${liveSession("$1", "$2")}`;

export async function createAuthSession(userId: string, maxAgeSeconds: number): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.authSession.create({
    data: { id, userId, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) },
  });
  return id;
}

/**
 * The session's user, if the session is live and belongs to that active user: one prepared
 * statement per request (every API call runs it).
 */
export async function liveSessionUser(sessionId: string, userId: string): Promise<SessionUser | null> {
  const rows = await preparedRows<SessionUser>("live_session_user", LIVE_SESSION_USER, [sessionId, userId]);
  return rows[0] ?? null;
}

export async function revokeAuthSession(sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Ends every session of the user, e.g. when their password is set: whoever signed in with the old
 * one is out on their next request. Pass the transaction that changes the password.
 */
export async function revokeUserSessions(userId: string, tx: Prisma.TransactionClient = db): Promise<number> {
  const { count } = await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
