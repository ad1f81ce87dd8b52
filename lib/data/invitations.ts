// How people become raters of a study: through the study's link (/join/{inviteToken}: sign up or sign
// in, then join that study) or through an email invitation's own link (/invite/{token}: single use,
// expiring). A visitor with either link sees the study's name and description, never its models.
import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { takeAttempt } from "@/lib/data/rate-limit";
import { newPseudonym, type SessionUser } from "@/lib/data/users";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sha256Hex } from "@/lib/ingest/sha256";

/** Strict per email (probing one address), generous per client address (a class behind one NAT). */
export const SIGN_UP_LIMITS = { perEmail: 5, perAddress: 100, windowMinutes: 15 } as const;
const INVITE_LIFETIME_DAYS = 14;

const NOT_VALID = "This invitation link is not valid (any more).";
const ONLY_RATERS = "Only rater accounts can join a study. Sign out and join as a rater.";
const TOO_MANY = "Too many attempts from this network or for this account; try again in 15 minutes.";
const ACCOUNT_EXISTS = "There is already an account with this email: sign in with it, then open this link again to accept the invitation.";

export type JoinResult = { ok: true; studyId: string } | { ok: false; message: string };

type Tx = Prisma.TransactionClient;

// ---- The study's link: anyone holding it may join that study, and only that study.

export async function findInvitedStudy(token: string) {
  return db.study.findUnique({ where: { inviteToken: token }, select: { id: true, name: true, description: true, status: true } });
}

export async function joinStudy(token: string, user: Pick<SessionUser, "id" | "role">): Promise<JoinResult> {
  if (user.role !== "RATER") return { ok: false, message: ONLY_RATERS };
  const study = await findInvitedStudy(token);
  if (!study || study.status === "CLOSED") return { ok: false, message: NOT_VALID };
  await db.studyMember.createMany({ data: [{ studyId: study.id, userId: user.id }], skipDuplicates: true });
  return { ok: true, studyId: study.id };
}

// Every sign-up counts, made or not: the limits bound account creation and probing of one email alike.
async function signUpAllowed(email: string, address: string): Promise<boolean> {
  const { perEmail, perAddress, windowMinutes } = SIGN_UP_LIMITS;
  const attempt = await takeAttempt([{ key: `signup-email:${email}`, max: perEmail }, { key: `signup-ip:${address}`, max: perAddress }], windowMinutes);
  return attempt.allowed;
}

/** Inserts a RATER unless the email has an account (null then): one statement either way, no error path. */
async function insertRater(tx: Tx, email: string, passwordHash: string): Promise<string | null> {
  const [user] = await tx.user.createManyAndReturn({
    data: [{ email, role: "RATER", passwordHash, pseudonym: newPseudonym() }],
    skipDuplicates: true,
    select: { id: true },
  });
  return user?.id ?? null;
}

export type SignUpResult = { ok: true } | { ok: false; message: string };

/**
 * A RATER account made through the study's link. The answer, and the work (one password hash, one
 * insert), are the same whether or not the email has an account, so sign-up does not reveal who has
 * one. The form then signs in, which only the account's owner can, and joins the study (joinStudy).
 */
export async function signUpThroughInvite(token: string, email: string, password: string, address: string): Promise<SignUpResult> {
  const study = await findInvitedStudy(token);
  if (!study || study.status === "CLOSED") return { ok: false, message: NOT_VALID };
  if (!(await signUpAllowed(email, address))) return { ok: false, message: TOO_MANY };
  const passwordHash = await hashPassword(password);
  await insertRater(db, email, passwordHash);
  return { ok: true };
}

// ---- Email invitations: each has its own link, sent by the admin; holding it is the proof of the invitation.

/** A fresh single-use link: the token goes to the admin once, only its sha256 is stored. */
export function newInviteLink() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: sha256Hex(token), expiresAt: new Date(Date.now() + INVITE_LIFETIME_DAYS * 86_400_000) };
}

const liveInvite = (token: string): Prisma.StudyInviteWhereInput => ({
  tokenHash: sha256Hex(token), acceptedAt: null, expiresAt: { gt: new Date() }, study: { status: { not: "CLOSED" } },
});

export async function findEmailInvite(token: string) {
  return db.studyInvite.findFirst({ where: liveInvite(token), select: { email: true, study: { select: { id: true, name: true, description: true } } } });
}

/** Uses the link up: of two claims at once, the second's update finds tokenHash already cleared. */
async function claim(tx: Tx, token: string): Promise<{ studyId: string; email: string } | null> {
  const invite = await tx.studyInvite.findFirst({ where: liveInvite(token), select: { id: true, studyId: true, email: true } });
  if (!invite) return null;
  const { count } = await tx.studyInvite.updateMany({
    where: { id: invite.id, tokenHash: sha256Hex(token), acceptedAt: null },
    data: { acceptedAt: new Date(), tokenHash: null },
  });
  return count === 1 ? invite : null;
}

/** A signed-in rater accepts the invitation for their own account, whatever its email. */
export async function acceptEmailInvite(token: string, user: Pick<SessionUser, "id" | "role">): Promise<JoinResult> {
  if (user.role !== "RATER") return { ok: false, message: ONLY_RATERS };
  const studyId = await db.$transaction(async (tx) => {
    const invite = await claim(tx, token);
    if (invite) await tx.studyMember.createMany({ data: [{ studyId: invite.studyId, userId: user.id }], skipDuplicates: true });
    return invite?.studyId;
  });
  return studyId ? { ok: true, studyId } : { ok: false, message: NOT_VALID };
}

class AccountExists extends Error {}

export type InviteSignUpResult = { ok: true; studyId: string; email: string } | { ok: false; message: string };

/** The invited email's RATER account, a member of the invitation's study; claim and account in one transaction. */
export async function signUpThroughEmailInvite(token: string, password: string, address: string): Promise<InviteSignUpResult> {
  const invite = await findEmailInvite(token);
  if (!invite) return { ok: false, message: NOT_VALID };
  if (!(await signUpAllowed(invite.email, address))) return { ok: false, message: TOO_MANY };
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await claim(tx, token);
      if (!claimed) return { ok: false, message: NOT_VALID } as const;
      const userId = await insertRater(tx, claimed.email, passwordHash);
      // Never touch an existing account; rolling back leaves the invitation for its owner to accept.
      if (!userId) throw new AccountExists();
      await tx.studyMember.create({ data: { studyId: claimed.studyId, userId } });
      return { ok: true, studyId: claimed.studyId, email: claimed.email } as const;
    });
  } catch (error) {
    if (error instanceof AccountExists) return { ok: false, message: ACCOUNT_EXISTS };
    throw error;
  }
}
