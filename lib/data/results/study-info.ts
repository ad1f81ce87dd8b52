// What the results page needs to know about the study itself, and the pseudonym → id look-up
// behind the `exclude` parameter.
import "server-only";
import { dbFrom, type ReadSource } from "@/lib/db";
import type { StudyStatus } from "@/lib/generated/prisma/enums";
import type { StopSettings } from "@/lib/results/sequential";

export type ResultsStudy = {
  id: string;
  name: string;
  status: StudyStatus;
  isDemo: boolean;
  votesPerPair: number;
  minSecondsPerPair: number;
  models: string[];
  pairs: number;
  goldPairs: number;
  excludedPairs: number;
  /** Pairs the study's creation left out (null: kept on request); they were never voted on. */
  leftOutAtCreation: { selfReference: number | null; identicalOrEmpty: number | null };
  /** The issues raters may mark on each answer, in order (none: none asked). */
  issues: { key: string; label: string }[];
  /** The criteria raters judge each pair on, the primary first (none: one overall choice). */
  criteria: { id: string; key: string; label: string; question: string }[];
  /** The assistant turns judged one by one (issue 21); empty: whole conversations or single answers. */
  judgedTurns: number[];
  /** Adaptive votes and the stopping rule (issue 22). */
  stopping: StopSettings;
};

export async function resultsStudy(studyId: string, source: ReadSource = "replica"): Promise<ResultsStudy | null> {
  const db = dbFrom(source);
  const study = await db.study.findUnique({
    where: { id: studyId },
    select: {
      id: true, name: true, status: true, isDemo: true, votesPerPair: true, minSecondsPerPair: true,
      excludedLeakPairs: true, excludedDegeneratePairs: true, judgedTurns: true,
      adaptiveVotes: true, stopLevel: true, voteBudget: true, stoppedAt: true, stopReason: true, samplingPrompts: true,
      models: { select: { model: { select: { name: true } } } },
      issues: { orderBy: { position: "asc" }, select: { key: true, label: true } },
      criteria: { orderBy: { position: "asc" }, select: { id: true, key: true, label: true, question: true } },
    },
  });
  if (!study) return null;
  const [pairs, goldPairs, excludedPairs] = await Promise.all([
    db.pair.count({ where: { studyId } }),
    db.pair.count({ where: { studyId, goldOutputId: { not: null }, excluded: false } }),
    db.pair.count({ where: { studyId, excluded: true } }),
  ]);
  const { models, excludedLeakPairs, excludedDegeneratePairs, adaptiveVotes, stopLevel, voteBudget, stoppedAt, stopReason, samplingPrompts, ...rest } = study;
  const leftOutAtCreation = { selfReference: excludedLeakPairs, identicalOrEmpty: excludedDegeneratePairs };
  const stopping = { adaptiveVotes, stopLevel, voteBudget, votesPerPair: rest.votesPerPair, stoppedAt, stopReason, sampling: samplingPrompts > 0 };
  return { ...rest, models: models.map((m) => m.model.name).sort(), pairs, goldPairs, excludedPairs, leftOutAtCreation, stopping };
}

/** Ids of the given pseudonyms, and the pseudonyms that matched nobody. */
export async function resolvePseudonyms(
  pseudonyms: readonly string[], source: ReadSource = "replica",
): Promise<{ ids: string[]; unknown: string[] }> {
  if (pseudonyms.length === 0) return { ids: [], unknown: [] };
  const users = await dbFrom(source).user.findMany({ where: { pseudonym: { in: [...pseudonyms] } }, select: { id: true, pseudonym: true } });
  const found = new Set(users.map((u) => u.pseudonym));
  return { ids: users.map((u) => u.id), unknown: pseudonyms.filter((p) => !found.has(p)) };
}
