// Password reset by a link an admin makes and hands over (the app has no mail channel): single use,
// expiring, and only the sha256 of its token is stored. Making a new link deletes the account's
// older unused ones; setting the password through it ends every session of the account.
import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { revokeUserSessions } from "@/lib/data/auth-sessions";
import { sha256Hex } from "@/lib/ingest/sha256";

export const PASSWORD_RESET_LIFETIME_HOURS = 24;

export type ResetLink = { token: string; expiresAt: Date };

/**
 * A fresh link for an account with a password login (crowd raters have none: null). 256 random bits,
 * so guessing needs no rate limit. Older unused links of the account stop working.
 */
export async function createPasswordReset(userId: string, now = new Date()): Promise<ResetLink | null> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_HOURS * 3_600_000);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deletedAt: null, email: { not: null } }, select: { id: true } });
    if (!user) return null;
    await tx.passwordReset.deleteMany({ where: { userId, usedAt: null } });
    await tx.passwordReset.create({ data: { userId, tokenHash: sha256Hex(token), createdAt: now, expiresAt } });
    return { token, expiresAt };
  });
}

/** What a link can do. "invalid" covers unknown, replaced and deleted accounts' links alike. */
export type ResetLinkState = "valid" | "used" | "expired" | "invalid";

export async function passwordResetState(token: string): Promise<ResetLinkState> {
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { deletedAt: true } } },
  });
  if (!reset || reset.user.deletedAt) return "invalid";
  if (reset.usedAt) return "used";
  return reset.expiresAt <= new Date() ? "expired" : "valid";
}

export type ResetResult = { ok: true } | { ok: false; state: Exclude<ResetLinkState, "valid"> };

/**
 * Sets the account's password through the link, once: the link is used up, the password replaced
 * and every session of the account ended, all in one transaction (as `setAdmin` does).
 */
export async function resetPassword(token: string, password: string): Promise<ResetResult> {
  const passwordHash = await hashPassword(password);
  const tokenHash = sha256Hex(token);
  const done = await db.$transaction(async (tx) => {
    const now = new Date();
    // The UPDATE's row lock makes two submissions of one link set the password once.
    const [used] = await tx.passwordReset.updateManyAndReturn({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { deletedAt: null } },
      data: { usedAt: now },
      select: { userId: true },
    });
    if (!used) return false;
    await tx.user.update({ where: { id: used.userId }, data: { passwordHash } });
    await revokeUserSessions(used.userId, tx);
    return true;
  });
  if (done) return { ok: true };
  const state = await passwordResetState(token);
  return { ok: false, state: state === "valid" ? "invalid" : state };
}
