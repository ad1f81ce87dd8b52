// The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD or `npm run create-admin`.
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { revokeUserSessions } from "@/lib/data/auth-sessions";
import { createUser, newPseudonym, type SessionUser } from "@/lib/data/users";

/**
 * Creates the admin if the email is unknown; an existing account is left as it is, password and
 * sessions included (this runs at every start, so it must not reset anything).
 */
export async function ensureAdmin(email: string, password: string): Promise<"created" | "exists"> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return "exists";
  await createUser({ email, password, role: "ADMIN" });
  return "created";
}

/**
 * Creates the admin, or makes the existing account an admin with this password. A new password
 * ends the account's sessions in the same transaction: whoever signed in with the old one is out
 * on their next request. Its API tokens stay: the user made them as separate credentials and
 * revokes them on the tokens page.
 */
export async function setAdmin(email: string, password: string): Promise<SessionUser> {
  // Hashed before the transaction: argon2 takes a while and needs no lock.
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email },
      create: { email, role: "ADMIN", passwordHash, pseudonym: newPseudonym() },
      update: { role: "ADMIN", passwordHash, deletedAt: null },
      select: { id: true, email: true, name: true, role: true, pseudonym: true },
    });
    await revokeUserSessions(user.id, tx);
    return user;
  });
}
