// Accounts as the admin manages them: list, create, and delete a rater (keeping their votes under
// the pseudonym, or removing them).
import "server-only";
import { db } from "@/lib/db";
import { type Actor, recordAudit } from "@/lib/data/audit";
import { studyChanged } from "@/lib/data/study-changes";
import { createUser } from "@/lib/data/users";
import type { UserRow } from "@/lib/admin/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export async function listUsers(): Promise<UserRow[]> {
  const users = await db.user.findMany({
    where: { deletedAt: null },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, email: true, role: true, pseudonym: true, createdAt: true, _count: { select: { votes: true } } },
  });
  return users.map(({ _count, ...u }) => ({ ...u, votes: _count.votes }));
}

export type CreateUserResult = { ok: true; id: string } | { ok: false; message: string };

export async function createAccount(email: string, password: string, role: Role): Promise<CreateUserResult> {
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return { ok: false, message: "An account with this email exists." };
  const user = await createUser({ email, password, role });
  return { ok: true, id: user.id };
}

export type DeleteMode = "keep-votes" | "remove-votes";

/**
 * Deletes an account's identity (email, name, password, crowd id, sessions, tokens). With
 * "keep-votes" the votes stay, attributed to the pseudonym only; with "remove-votes" they are
 * deleted and the pairs' vote counts lowered, so the pairs return to the pool.
 */
export async function deleteAccount(userId: string, mode: DeleteMode, actor: Actor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true, pseudonym: true } });
    if (!user) return false;
    await auditRemoval(tx, user, mode, actor);
    if (mode === "remove-votes") {
      // The Vote trigger takes the deleted votes out of the pairs' tallies.
      await tx.vote.deleteMany({ where: { raterId: userId } });
      await tx.assignment.deleteMany({ where: { raterId: userId } });
    } else {
      // Unvoted leases would hold pairs until they expire.
      await tx.assignment.deleteMany({ where: { raterId: userId, vote: null } });
    }
    await tx.authSession.deleteMany({ where: { userId } });
    await tx.apiToken.deleteMany({ where: { userId } });
    await tx.studyMember.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      data: { email: null, name: null, passwordHash: null, externalId: null, crowdSecretHash: null, deletedAt: new Date() },
    });
    return true;
  }).then((deleted) => {
    // Removed votes, or a pseudonym now shown for a deleted account: any study's figures may change.
    if (deleted) studyChanged(null);
    return deleted;
  });
}

type Tx = Prisma.TransactionClient;

// One RATER_REMOVED row in each study the account was a member of or voted in, before the deletion.
async function auditRemoval(tx: Tx, user: { id: string; pseudonym: string }, mode: DeleteMode, actor: Actor) {
  const [votes, memberships] = await Promise.all([
    tx.vote.groupBy({ by: ["studyId"], where: { raterId: user.id }, _count: { _all: true } }),
    tx.studyMember.findMany({ where: { userId: user.id }, select: { studyId: true } }),
  ]);
  const counts = new Map(votes.map((v) => [v.studyId, v._count._all]));
  const studies = new Set([...counts.keys(), ...memberships.map((m) => m.studyId)]);
  await recordAudit(tx, [...studies].map((studyId) => ({
    studyId, actor, action: "RATER_REMOVED" as const,
    details: { rater: user.pseudonym, mode, votesRemoved: mode === "remove-votes" ? (counts.get(studyId) ?? 0) : 0 },
  })));
}
