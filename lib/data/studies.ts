// Study look-ups for the role homes. Rater-facing functions never select model identity.
import "server-only";
import { db } from "@/lib/db";
import type { StudyStatus } from "@/lib/generated/prisma/enums";

export type StaffStudyRow = {
  id: string;
  name: string;
  status: StudyStatus;
  isDemo: boolean;
  models: string[];
  pairs: number;
  votes: number;
  raters: number;
  votesPerPair: number;
};

export async function listStudiesForStaff(): Promise<StaffStudyRow[]> {
  const studies = await db.study.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true, name: true, status: true, isDemo: true, votesPerPair: true,
      models: { select: { model: { select: { name: true } } } },
      _count: { select: { pairs: true, votes: true, members: true } },
    },
  });
  return studies.map((s) => ({
    id: s.id, name: s.name, status: s.status, isDemo: s.isDemo, votesPerPair: s.votesPerPair,
    models: s.models.map((m) => m.model.name).sort(),
    pairs: s._count.pairs, votes: s._count.votes, raters: s._count.members,
  }));
}

export type RaterStudyRow = { id: string; name: string; description: string; judged: number };

export async function listStudiesForRater(userId: string): Promise<RaterStudyRow[]> {
  const studies = await db.study.findMany({
    where: { status: "OPEN", members: { some: { userId } } },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, description: true, _count: { select: { votes: { where: { raterId: userId } } } } },
  });
  return studies.map((s) => ({ id: s.id, name: s.name, description: s.description, judged: s._count.votes }));
}

export async function studyExists(studyId: string): Promise<boolean> {
  return (await db.study.count({ where: { id: studyId } })) > 0;
}
