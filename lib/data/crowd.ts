// Crowd-platform entry (Prolific and the like): a participant id in the study's crowd link creates a
// pseudonymous rater with no password, a member of that study only. Resuming it needs the secret the
// participant's browser got at first entry (a cookie): knowing someone's platform id is not enough.
import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { attemptSucceeded, takeAttempt } from "@/lib/data/rate-limit";
import { newPseudonym, type SessionUser } from "@/lib/data/users";
import { withdrawnExternalId } from "@/lib/data/withdrawal";
import { sha256Hex } from "@/lib/ingest/sha256";

/** Strict per participant (it bounds guesses at one secret), generous per address (a lab shares one). */
export const CROWD_LIMITS = { perParticipant: 10, perAddress: 300, windowMinutes: 15 } as const;

export async function findCrowdStudy(token: string) {
  return db.study.findFirst({
    where: { crowdToken: token, crowdEnabled: true, status: "OPEN" },
    select: { id: true, name: true, crowdIdParam: true },
  });
}

// Scoped by study: the same platform id in another study is another pseudonymous rater.
const externalIdOf = (studyId: string, participantId: string) => `crowd:${studyId}:${participantId}`;

function secretMatches(storedHash: string | null, secret: string | undefined): boolean {
  if (!storedHash || !secret) return false;
  const [a, b] = [Buffer.from(storedHash), Buffer.from(sha256Hex(secret))];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `secret` on success: a new participant's, for the browser's cookie. */
export type CrowdEntry = { ok: true; studyId: string; secret?: string } | { ok: false; reason: "invalid" | "elsewhere" | "limited" };

/**
 * A visit to the crowd link: creates the participant's rater on the first one, and otherwise lets
 * it through only with the secret from that first visit. Never signs anyone in (next-auth does,
 * after checking the same secret). Every new rater counts toward the address's limit.
 */
export async function enterCrowd(token: string, participantId: string, secret: string | undefined, address: string): Promise<CrowdEntry> {
  const study = await findCrowdStudy(token);
  if (!study) return { ok: false, reason: "invalid" };
  const attempt = await takeAttempt(
    [
      { key: `crowd:${study.id}:${participantId}`, max: CROWD_LIMITS.perParticipant },
      { key: `crowd-ip:${address}`, max: CROWD_LIMITS.perAddress },
    ],
    CROWD_LIMITS.windowMinutes,
  );
  if (!attempt.allowed) return { ok: false, reason: "limited" };
  const externalId = externalIdOf(study.id, participantId);
  const existing = await db.user.findUnique({ where: { externalId }, select: { crowdSecretHash: true, deletedAt: true } });
  if (!existing) {
    // A participant who withdrew left only this hash of their id: they cannot enter again.
    const withdrew = await db.user.findUnique({ where: { externalId: withdrawnExternalId(externalId) }, select: { id: true } });
    return withdrew ? { ok: false, reason: "invalid" } : createParticipant(study.id, externalId);
  }
  if (existing.deletedAt) return { ok: false, reason: "invalid" };
  // Participants from before secrets existed have none, and so no browser that may resume them.
  if (!secretMatches(existing.crowdSecretHash, secret)) return { ok: false, reason: "elsewhere" };
  await attemptSucceeded(attempt);
  return { ok: true, studyId: study.id };
}

async function createParticipant(studyId: string, externalId: string): Promise<CrowdEntry> {
  const secret = randomBytes(32).toString("base64url");
  const created = await db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: of two first visits at once, one creates the rater, the other is "elsewhere".
    const [user] = await tx.user.createManyAndReturn({
      data: [{ externalId, role: "RATER", pseudonym: newPseudonym(), crowdSecretHash: sha256Hex(secret) }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (user) await tx.studyMember.create({ data: { studyId, userId: user.id } });
    return !!user;
  });
  return created ? { ok: true, studyId, secret } : { ok: false, reason: "elsewhere" };
}

/** The participant's rater for next-auth's crowd sign-in: only with its secret, and never created here. */
export async function resumeCrowdRater(studyId: string, participantId: string, secret: string | undefined): Promise<SessionUser | null> {
  const user = await db.user.findFirst({
    where: { externalId: externalIdOf(studyId, participantId), deletedAt: null, memberships: { some: { studyId } } },
    select: { id: true, email: true, name: true, role: true, pseudonym: true, crowdSecretHash: true },
  });
  if (!user || !secretMatches(user.crowdSecretHash, secret)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, pseudonym: user.pseudonym };
}
