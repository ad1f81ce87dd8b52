// Crowd-platform entry (Prolific and the like): a participant id in the study's crowd link creates
// or resumes a pseudonymous rater with no password, a member of that study only.
import "server-only";
import { db } from "@/lib/db";
import { newPseudonym, type SessionUser } from "@/lib/data/users";

export async function findCrowdStudy(token: string) {
  return db.study.findFirst({
    where: { inviteToken: token, crowdEnabled: true, status: "OPEN" },
    select: { id: true, name: true, crowdIdParam: true },
  });
}

/** The rater for this participant in this study, created on first visit. */
export async function crowdRater(token: string, participantId: string): Promise<(SessionUser & { studyId: string }) | null> {
  const study = await findCrowdStudy(token);
  if (!study) return null;
  // Scoped by study: the same platform id in another study is another pseudonymous rater.
  const externalId = `crowd:${study.id}:${participantId}`;
  const user = await db.user.upsert({
    where: { externalId },
    create: { externalId, role: "RATER", pseudonym: newPseudonym() },
    update: {},
    select: { id: true, email: true, name: true, role: true, pseudonym: true, deletedAt: true },
  });
  if (user.deletedAt) return null;
  await db.studyMember.createMany({ data: [{ studyId: study.id, userId: user.id }], skipDuplicates: true });
  return { id: user.id, email: user.email, name: user.name, role: user.role, pseudonym: user.pseudonym, studyId: study.id };
}
