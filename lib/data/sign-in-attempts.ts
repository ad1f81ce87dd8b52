// Failed sign-ins per account and per address, kept in PostgreSQL so every server process sees them.
import "server-only";
import { db } from "@/lib/db";

export type RateLimit = { maxPerAccount: number; maxPerAddress: number; windowMinutes: number };

const keysFor = (email: string, address: string) => [`email:${email}`, `ip:${address}`] as const;

/** True when either the account or the address has used up its failures in the window. */
export async function signInBlocked(email: string, address: string, limit: RateLimit): Promise<boolean> {
  const since = new Date(Date.now() - limit.windowMinutes * 60_000);
  const [account, ip] = keysFor(email, address);
  const rows = await db.signInAttempt.groupBy({
    by: ["key"],
    where: { key: { in: [account, ip] }, succeeded: false, createdAt: { gt: since } },
    _count: { _all: true },
  });
  const failures = new Map(rows.map((r) => [r.key, r._count._all]));
  return (failures.get(account) ?? 0) >= limit.maxPerAccount || (failures.get(ip) ?? 0) >= limit.maxPerAddress;
}

export async function recordSignInAttempt(email: string, address: string, succeeded: boolean): Promise<void> {
  const keys = keysFor(email, address);
  await db.signInAttempt.createMany({ data: keys.map((key) => ({ key, succeeded })) });
  // A success clears the account's failures: a user who got in is not locked out by earlier typos.
  if (succeeded) await db.signInAttempt.deleteMany({ where: { key: keys[0], succeeded: false } });
}

/** Old rows only cost space; the window is minutes. */
export async function pruneSignInAttempts(olderThanHours = 24): Promise<number> {
  const { count } = await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - olderThanHours * 3_600_000) } } });
  return count;
}
