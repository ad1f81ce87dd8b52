// A study's information and consent page: what a member must accept before their first pair (the
// lease and the vote refuse them until then: prisma/sql/next-lease.sql, lib/data/votes.ts), and the
// admin's edits of it and of the screen-out code while the study is a draft or open.
import "server-only";
import { DB_NOW, db } from "@/lib/db";
import type { ParticipantSettingsInput } from "@/lib/validation/participants";

/** The consent page a member still has to accept; null when there is none or they accepted it. */
export async function pendingConsent(studyId: string, userId: string): Promise<{ text: string } | null> {
  const member = await db.studyMember.findUnique({
    where: { studyId_userId: { studyId, userId } },
    select: { consentedAt: true, study: { select: { consentText: true } } },
  });
  if (!member || member.consentedAt || member.study.consentText === "") return null;
  return { text: member.study.consentText };
}

export type ConsentResult = { ok: true; consentedAt: Date } | { ok: false; reason: "not_member" | "no_consent" };

/** Records the member's acceptance (the first one counts: accepting again keeps its time). */
export async function acceptConsent(studyId: string, userId: string): Promise<ConsentResult> {
  const rows = await db.$queryRaw<{ consentedAt: Date; hasText: boolean }[]>`
    UPDATE "StudyMember" m SET "consentedAt" = coalesce(m."consentedAt", ${DB_NOW})
    FROM "Study" s
    WHERE s.id = m."studyId" AND m."studyId" = ${studyId} AND m."userId" = ${userId}
    RETURNING m."consentedAt", s."consentText" <> '' AS "hasText"`;
  const row = rows[0];
  if (!row) return { ok: false, reason: "not_member" };
  if (!row.hasText) return { ok: false, reason: "no_consent" };
  return { ok: true, consentedAt: row.consentedAt };
}

export type SettingsResult = { ok: true } | { ok: false; status: 404 | 409; message: string };

/**
 * The consent page and the screen-out code/URL, while the study is a draft or open. A changed
 * consent text does not ask members who accepted an earlier one again.
 */
export async function updateParticipantSettings(studyId: string, input: ParticipantSettingsInput): Promise<SettingsResult> {
  const { count } = await db.study.updateMany({
    where: { id: studyId, status: { in: ["DRAFT", "OPEN"] } },
    data: { consentText: input.consentText, screenOutCode: input.screenOutCode ?? null, screenOutUrl: input.screenOutUrl ?? null },
  });
  if (count === 1) return { ok: true };
  const exists = await db.study.count({ where: { id: studyId } });
  return exists ? { ok: false, status: 409, message: "The study is closed; its participant settings can no longer change." }
    : { ok: false, status: 404, message: "Study not found." };
}
