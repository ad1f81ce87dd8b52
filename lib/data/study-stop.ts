// A study's stopping rule as the admin study page shows it: whether and why it stopped, or the anytime-valid
// intervals' state while it runs (the same wording as the dashboard's, lib/results/sequential.ts).
import "server-only";
import { db } from "@/lib/db";
import { promptMarks } from "@/lib/data/results/prompt-marks";
import { isSequential, sequentialFigures } from "@/lib/results/sequential";
import type { SequentialJson } from "@/lib/results/types";

/** Null for a study without adaptive votes or a stopping rule (nothing to say), or no such study. */
export async function studyStopStatus(studyId: string): Promise<SequentialJson | null> {
  const study = await db.study.findUnique({
    where: { id: studyId },
    select: { adaptiveVotes: true, stopLevel: true, voteBudget: true, votesPerPair: true, stoppedAt: true, stopReason: true, samplingPrompts: true },
  });
  if (!study || !isSequential({ ...study, stop: study.stoppedAt })) return null;
  const { samplingPrompts, ...rest } = study;
  const settings = { ...rest, sampling: samplingPrompts > 0 };
  const marks = await promptMarks({ studyId, excludeRaterIds: [], source: "primary" }, settings);
  return sequentialFigures(settings, marks, []).sequential;
}
