// A study's stopping rule as the admin study page shows it: whether and why it stopped, or the anytime-valid
// intervals' state while it runs (the same wording as the dashboard's, lib/results/sequential.ts).
import "server-only";
import { db } from "@/lib/db";
import { promptMarks } from "@/lib/data/results/prompt-marks";
import { isSequential, sequentialFigures } from "@/lib/results/sequential";
import type { SequentialJson } from "@/lib/results/types";

/** Null for a study without adaptive votes or a stopping rule (nothing to say), or no such study. */
export async function studyStopStatus(studyId: string): Promise<SequentialJson | null> {
  const settings = await db.study.findUnique({
    where: { id: studyId },
    select: { adaptiveVotes: true, stopLevel: true, voteBudget: true, votesPerPair: true, stoppedAt: true, stopReason: true },
  });
  if (!settings || !isSequential({ ...settings, stop: settings.stoppedAt })) return null;
  const marks = await promptMarks({ studyId, excludeRaterIds: [], source: "primary" }, settings.votesPerPair);
  return sequentialFigures(settings, marks, []).sequential;
}
