// Attempts counted per key in a sliding window, kept in PostgreSQL so every server process sees them
// (sign-in per account and address, sign-up, crowd entry). Table SignInAttempt holds them all.
import "server-only";
import { db } from "@/lib/db";

export type Limit = { key: string; max: number };
export type Attempt = { allowed: boolean; ids: bigint[] };

/**
 * Records one attempt under every key and says whether each key had fewer than its `max` unsucceeded
 * attempts in the window before this one. Atomic: the keys' advisory locks (taken in sorted order, so
 * two callers cannot deadlock) serialise the count and the insert, so parallel attempts cannot all
 * slip under a limit. Refused attempts are recorded too: hammering keeps the window full.
 */
export async function takeAttempt(limits: Limit[], windowMinutes: number): Promise<Attempt> {
  const sorted = [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const keys = sorted.map((l) => l.key);
  return db.$transaction(async (tx) => {
    for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rate:${key}`}, 0))`;
    const counts = await tx.$queryRaw<{ key: string; failures: number }[]>`
      SELECT key, count(*)::int AS failures FROM "SignInAttempt"
      WHERE key = ANY(${keys}) AND NOT succeeded AND "createdAt" > now() - make_interval(mins => ${windowMinutes})
      GROUP BY key`;
    const used = new Map(counts.map((c) => [c.key, c.failures]));
    const allowed = sorted.every((l) => (used.get(l.key) ?? 0) < l.max);
    const rows = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "SignInAttempt" (key, succeeded) SELECT unnest(${keys}::text[]), false RETURNING id`;
    return { allowed, ids: rows.map((r) => r.id) };
  });
}

/** Marks an attempt as succeeded (it no longer counts) and forgets earlier failures under `clearKey`. */
export async function attemptSucceeded(attempt: Attempt, clearKey?: string): Promise<void> {
  await db.$transaction([
    db.signInAttempt.updateMany({ where: { id: { in: attempt.ids } }, data: { succeeded: true } }),
    ...(clearKey ? [db.signInAttempt.deleteMany({ where: { key: clearKey, succeeded: false } })] : []),
  ]);
}

/** Old rows only cost space; windows are minutes. */
export async function pruneAttempts(olderThanHours = 24): Promise<number> {
  const { count } = await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - olderThanHours * 3_600_000) } } });
  return count;
}
