// Personal API tokens for scripts (Authorization: Bearer …). Only a sha256 of each token is stored;
// the token itself is shown once, at creation. Each expires after the lifetime chosen then.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { ApiTokenRow } from "@/lib/admin/types";
import type { SessionUser } from "@/lib/data/users";
import { DEFAULT_TOKEN_LIFETIME_DAYS } from "@/lib/validation/api-token";

const PREFIX = "pw_";

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export type CreatedApiToken = { id: string; token: string; expiresAt: Date };

export async function createApiToken(userId: string, name: string, lifetimeDays: number = DEFAULT_TOKEN_LIFETIME_DAYS): Promise<CreatedApiToken> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + lifetimeDays * 86_400_000);
  const { id } = await db.apiToken.create({ data: { userId, name, tokenHash: hashToken(token), expiresAt }, select: { id: true } });
  return { id, token, expiresAt };
}

export async function listApiTokens(userId: string, now = new Date()): Promise<ApiTokenRow[]> {
  const rows = await db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
  // The state is decided here, on the server's clock, so the page and the JSON list agree with the
  // check in userForApiToken.
  return rows.map((row) => ({ ...row, state: row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "active" }));
}

/** Revokes one of the user's own tokens; false when there is no such live token. */
export async function revokeApiToken(userId: string, id: string): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

/** The user behind a live (unrevoked, unexpired) token, with the same fields a session gives. */
export async function userForApiToken(token: string): Promise<SessionUser | null> {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db.apiToken.findFirst({
    where: { tokenHash: hashToken(token), revokedAt: null, expiresAt: { gt: new Date() }, user: { deletedAt: null } },
    select: { id: true, user: { select: { id: true, email: true, name: true, role: true, pseudonym: true } } },
  });
  if (!row) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return row.user;
}
