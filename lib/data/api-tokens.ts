// Personal API tokens for scripts (Authorization: Bearer …). Only a sha256 of each token is stored;
// the token itself is shown once, at creation.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/data/users";

const PREFIX = "pw_";

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export async function createApiToken(userId: string, name: string, lifetimeDays = 90): Promise<{ id: string; token: string }> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + lifetimeDays * 86_400_000);
  const { id } = await db.apiToken.create({ data: { userId, name, tokenHash: hashToken(token), expiresAt }, select: { id: true } });
  return { id, token };
}

export type ApiTokenRow = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export async function listApiTokens(userId: string): Promise<ApiTokenRow[]> {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes one of the user's own tokens; false when there is no such live token. */
export async function revokeApiToken(userId: string, id: string): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

/** The user behind a live token, with the same fields a session gives. */
export async function userForApiToken(token: string): Promise<SessionUser | null> {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db.apiToken.findFirst({
    where: { tokenHash: hashToken(token), revokedAt: null, user: { deletedAt: null } },
    select: { id: true, user: { select: { id: true, email: true, name: true, role: true, pseudonym: true } } },
  });
  if (!row) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return row.user;
}
