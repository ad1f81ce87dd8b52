// Attempts counted per key in a sliding window, kept in PostgreSQL so every server process sees them
// (sign-in per account and address, sign-up, crowd entry). Table SignInAttempt holds them all.
import "server-only";
import { db } from "@/lib/db";

export type Limit = { key: string; max: number };
export type Attempt = { allowed: boolean; ids: bigint[] };

/**
 * Records one attempt under every key and says whether each key had fewer than its `max` unsucceeded
 * attempts in the window before this one. Atomic: the keys' advisory locks serialise the count and the
 * insert, so parallel attempts cannot all slip under a limit (SQL function pairwise_take_attempt,
 * prisma/sql/rate-limit.sql). Refused attempts are recorded too: hammering keeps the window full.
 */
export async function takeAttempt(limits: Limit[], windowMinutes: number): Promise<Attempt> {
  const keys = limits.map((l) => l.key);
  const maxes = limits.map((l) => l.max);
  const [row] = await db.$queryRaw<{ allowed: boolean; ids: bigint[] }[]>`
    SELECT allowed, ids FROM "pairwise_take_attempt"(${keys}::text[], ${maxes}::int[], ${windowMinutes}::int)`;
  return { allowed: row!.allowed, ids: row!.ids.map((id) => BigInt(id)) };
}

/** Marks an attempt as succeeded (it no longer counts) and forgets earlier failures under `clearKey`. */
export async function attemptSucceeded(attempt: Attempt, clearKey?: string): Promise<void> {
  await db.$executeRaw`SELECT "pairwise_attempt_succeeded"(${attempt.ids}::bigint[], ${clearKey ?? null}::text)`;
}

/** Old rows only cost space; windows are minutes. */
export async function pruneAttempts(olderThanHours = 24): Promise<number> {
  const { count } = await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - olderThanHours * 3_600_000) } } });
  return count;
}
