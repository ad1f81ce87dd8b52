// The study audit trail: one row per change to what a study's results show, written by the data
// function that makes the change, inside its transaction (append-only: prisma/sql/audit-append-only.sql).
import "server-only";
import { db, dbFrom, type ReadSource } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor, AuditActionName, AuditEntry } from "@/lib/audit/types";
import type { SessionUser } from "@/lib/data/users";

export type { Actor };

type Tx = Prisma.TransactionClient;

export type AuditWrite = { studyId: string; actor: Actor; action: AuditActionName; details?: Record<string, unknown> };

/** The actor for a staff user's change: their email (staff are named; raters never are). */
export const staffActor = (user: Pick<SessionUser, "id" | "email" | "pseudonym">): Actor => ({ id: user.id, label: user.email ?? user.pseudonym });

export const SYSTEM: Actor = { id: null, label: "system" };

export async function recordAudit(tx: Tx, events: AuditWrite | AuditWrite[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (!list.length) return;
  await tx.auditEvent.createMany({
    data: list.map((e) => ({
      studyId: e.studyId, actorId: e.actor.id, actorLabel: e.actor.label, action: e.action,
      details: (e.details ?? {}) as Prisma.InputJsonValue,
    })),
  });
}

/** The study's trail, newest first (at most `take` rows). */
export async function listAudit(studyId: string, take = 200): Promise<AuditEntry[]> {
  const rows = await db.auditEvent.findMany({
    where: { studyId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { id: true, at: true, actorLabel: true, action: true, details: true },
  });
  return rows.map(toEntry);
}

function toEntry(r: { id: bigint; at: Date; actorLabel: string; action: AuditActionName; details: Prisma.JsonValue }): AuditEntry {
  const details = r.details && typeof r.details === "object" && !Array.isArray(r.details) ? (r.details as Record<string, unknown>) : {};
  return { id: r.id.toString(), at: r.at.toISOString(), actor: r.actorLabel, action: r.action, details };
}

/** Every row of the study's trail, oldest first, in pages (the archive export). */
export async function* auditPages(studyId: string, source: ReadSource = "primary", batch = 5_000): AsyncGenerator<AuditEntry[]> {
  let after: bigint | undefined;
  for (;;) {
    const rows = await dbFrom(source).auditEvent.findMany({
      where: { studyId, ...(after !== undefined ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, at: true, actorLabel: true, action: true, details: true },
    });
    if (!rows.length) return;
    yield rows.map(toEntry);
    after = rows.at(-1)!.id;
  }
}

/** When votes last left the study through a withdrawal or an account deleted with its votes (null: never). */
export async function lastVotesRemovedAt(studyId: string): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT max(at) AS at FROM "AuditEvent"
    WHERE "studyId" = ${studyId}
      AND (action = 'RATER_WITHDREW' OR (action = 'RATER_REMOVED' AND details->>'mode' = 'remove-votes'))`;
  return row?.at ?? null;
}
