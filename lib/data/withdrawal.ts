// A rater's withdrawal from a study (their own, or done by staff on their request): every vote of
// theirs in it goes (the Vote triggers keep the tallies exact, as for undo), their membership ends for
// good (prisma/sql/withdrawn-member.sql), and the audit trail keeps their pseudonym and the count.
// A crowd participant's rater exists for this study only: it is deleted with its platform id, of which
// only a sha256 stays (in place of the id) so that the same id cannot enter the study again.
import "server-only";
import { db } from "@/lib/db";
import { type Actor, recordAudit } from "@/lib/data/audit";
import { markFiguresChanged } from "@/lib/data/results/snapshots";
import { studyChanged } from "@/lib/data/study-changes";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sha256Hex } from "@/lib/ingest/sha256";

type Tx = Prisma.TransactionClient;

export type WithdrawResult = { ok: true; votesRemoved: number; pseudonym: string; crowd: boolean } | { ok: false };

/** What a withdrawn crowd participant's externalId becomes: the same id's next entry finds it. */
export const withdrawnExternalId = (externalId: string) => `withdrawn:${sha256Hex(externalId)}`;

/** The rater withdraws themself; null actor means "the rater" (their pseudonym is the actor). */
export async function withdrawFromStudy(studyId: string, raterId: string, byStaff: Actor | null = null): Promise<WithdrawResult> {
  const result = await db.$transaction((tx) => withdrawInTx(tx, studyId, raterId, byStaff), { timeout: 60_000 });
  if (result.ok) studyChanged(studyId);
  return result;
}

/** Staff withdraw a member (named by pseudonym) at their request. */
export async function withdrawRater(studyId: string, pseudonym: string, staff: Actor): Promise<WithdrawResult> {
  const user = await db.user.findFirst({ where: { pseudonym, memberships: { some: { studyId } } }, select: { id: true } });
  return user ? withdrawFromStudy(studyId, user.id, staff) : { ok: false };
}

async function withdrawInTx(tx: Tx, studyId: string, raterId: string, byStaff: Actor | null): Promise<WithdrawResult> {
  // The membership lock serializes this with the rater's votes, leases and undos (as undo does).
  const locked = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "StudyMember" WHERE "studyId" = ${studyId} AND "userId" = ${raterId} FOR UPDATE`;
  if (!locked.length) return { ok: false };
  const user = await tx.user.findUniqueOrThrow({ where: { id: raterId }, select: { pseudonym: true, externalId: true } });
  // Pairs before votes, in one order: another rater's vote locks its pair, then rewrites that pair's flags.
  await tx.$queryRaw`
    SELECT id FROM "Pair" WHERE id IN (SELECT "pairId" FROM "Vote" WHERE "studyId" = ${studyId} AND "raterId" = ${raterId})
    ORDER BY id FOR NO KEY UPDATE`;
  const { count: votesRemoved } = await tx.vote.deleteMany({ where: { studyId, raterId } });
  await tx.undoneVote.deleteMany({ where: { studyId, raterId } });
  await tx.assignment.deleteMany({ where: { studyId, raterId } });
  await tx.studyMember.delete({ where: { studyId_userId: { studyId, userId: raterId } } });
  const crowd = !!user.externalId?.startsWith(`crowd:${studyId}:`);
  if (crowd) await forgetCrowdRater(tx, raterId, user.externalId!);
  await markFiguresChanged(studyId, tx);
  await recordAudit(tx, {
    studyId, actor: byStaff ?? { id: null, label: user.pseudonym }, action: "RATER_WITHDREW",
    details: { rater: user.pseudonym, votesRemoved, onRequest: byStaff !== null },
  });
  return { ok: true, votesRemoved, pseudonym: user.pseudonym, crowd };
}

// The participant's platform id is personal data and this rater exists for the one study: delete it.
async function forgetCrowdRater(tx: Tx, userId: string, externalId: string) {
  await tx.authSession.deleteMany({ where: { userId } });
  await tx.apiToken.deleteMany({ where: { userId } });
  await tx.user.update({
    where: { id: userId },
    data: { externalId: withdrawnExternalId(externalId), crowdSecretHash: null, email: null, name: null, passwordHash: null, deletedAt: new Date() },
  });
}
