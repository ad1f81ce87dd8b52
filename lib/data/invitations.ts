// Joining a study through its invitation link. What a visitor with the link may see is only the
// study's name and description: never its models.
import "server-only";
import { db } from "@/lib/db";
import { createUser, type SessionUser } from "@/lib/data/users";

export async function findInvitedStudy(token: string) {
  return db.study.findUnique({ where: { inviteToken: token }, select: { id: true, name: true, description: true, status: true } });
}

export type JoinResult = { ok: true; studyId: string } | { ok: false; message: string };

export async function joinStudy(token: string, user: Pick<SessionUser, "id" | "role">): Promise<JoinResult> {
  if (user.role !== "RATER") return { ok: false, message: "Only rater accounts can join a study. Sign out and join as a rater." };
  const study = await findInvitedStudy(token);
  if (!study || study.status === "CLOSED") return { ok: false, message: "This invitation link is not valid (any more)." };
  await db.studyMember.createMany({ data: [{ studyId: study.id, userId: user.id }], skipDuplicates: true });
  return { ok: true, studyId: study.id };
}

export type SignUpResult = { ok: true; studyId: string } | { ok: false; message: string };

/** A new RATER account made through an invitation link: a member of that study, and of any study that invited the email. */
export async function signUpThroughInvite(token: string, email: string, password: string): Promise<SignUpResult> {
  const study = await findInvitedStudy(token);
  if (!study || study.status === "CLOSED") return { ok: false, message: "This invitation link is not valid (any more)." };
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    return { ok: false, message: "There is already an account with this email: sign in instead, then open the link again." };
  }
  const user = await createUser({ email, password, role: "RATER" });
  const pending = await db.studyInvite.findMany({ where: { email, acceptedAt: null }, select: { studyId: true } });
  const studyIds = [...new Set([study.id, ...pending.map((p) => p.studyId)])];
  await db.$transaction([
    db.studyMember.createMany({ data: studyIds.map((studyId) => ({ studyId, userId: user.id })), skipDuplicates: true }),
    db.studyInvite.updateMany({ where: { email, acceptedAt: null }, data: { acceptedAt: new Date() } }),
  ]);
  return { ok: true, studyId: study.id };
}
