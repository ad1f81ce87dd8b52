// The demo's sign-in accounts. Their passwords are published (README), so they may exist only while
// the server is reachable from this machine alone: on any other bind, `npm start` replaces them with
// random ones printed once, and a server that finds them anyway refuses to start (lib/startup.ts).
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_ACCOUNTS: { email: string; password: string; role: Role }[] = [
  { email: "admin@example.com", password: "pairwise-admin", role: "ADMIN" },
  { email: "researcher@example.com", password: "pairwise-researcher", role: "RESEARCHER" },
  { email: "rater@example.com", password: "pairwise-rater", role: "RATER" },
];

async function accountsWithPublishedPasswords() {
  const users = await db.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) }, deletedAt: null, passwordHash: { not: null } },
    select: { id: true, email: true, passwordHash: true },
  });
  const published = new Map(DEMO_ACCOUNTS.map((a) => [a.email, a.password]));
  const checked = await Promise.all(users.map(async (u) => ((await verifyPassword(u.passwordHash!, published.get(u.email!)!)) ? u : null)));
  return checked.filter((u) => u !== null);
}

/** Emails of demo accounts that still sign in with their published password. */
export async function demoAccountsWithPublishedPasswords(): Promise<string[]> {
  return (await accountsWithPublishedPasswords()).map((u) => u.email!);
}

/** Gives every demo account still on its published password a random one (and ends its sessions). */
export async function replacePublishedDemoPasswords(): Promise<{ email: string; password: string }[]> {
  const replaced = [];
  for (const user of await accountsWithPublishedPasswords()) {
    const password = randomBytes(12).toString("base64url");
    const passwordHash = await hashPassword(password);
    await db.$transaction([
      db.user.update({ where: { id: user.id }, data: { passwordHash } }),
      db.authSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } }),
    ]);
    replaced.push({ email: user.email!, password });
  }
  return replaced;
}
