// Gold pairs: an admin marks the output that is known to be better (one answer is plainly wrong);
// they are mixed into raters' queues at the study's gold rate and score each rater's accuracy.
import "server-only";
import { db } from "@/lib/db";
import { type Actor, recordAudit } from "@/lib/data/audit";
import { markFiguresChanged } from "@/lib/data/results/snapshots";
import { studyChanged } from "@/lib/data/study-changes";

export type PairForReview = {
  id: string; instruction: string; input: string; modelA: string; outputA: string; modelB: string; outputB: string;
  gold: "A" | "B" | null; voteCount: number;
  /** The phrase of an answer flagged as possibly naming its author (and not cleared). */
  leakA: string | null; leakB: string | null;
};

const PAGE = 25;

// The phrase of an answer still flagged as possibly naming its author (not cleared), else null.
const flagged = (o: { leakPhrase: string | null; leakReview: string | null }) => (o.leakReview === "CLEARED" ? null : o.leakPhrase);

export async function listPairsForReview(studyId: string, page: number): Promise<{ pairs: PairForReview[]; total: number; pageSize: number }> {
  const [total, rows] = await Promise.all([
    db.pair.count({ where: { studyId } }),
    db.pair.findMany({
      where: { studyId },
      orderBy: [{ goldOutputId: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      skip: page * PAGE,
      take: PAGE,
      select: {
        id: true, voteCount: true, goldOutputId: true, outputAId: true, outputBId: true,
        prompt: { select: { instruction: true, input: true } },
        outputA: { select: { text: true, leakPhrase: true, leakReview: true, model: { select: { name: true } } } },
        outputB: { select: { text: true, leakPhrase: true, leakReview: true, model: { select: { name: true } } } },
      },
    }),
  ]);
  const pairs = rows.map((p) => ({
    id: p.id, instruction: p.prompt.instruction, input: p.prompt.input, voteCount: p.voteCount,
    modelA: p.outputA.model.name, outputA: p.outputA.text, modelB: p.outputB.model.name, outputB: p.outputB.text,
    leakA: flagged(p.outputA), leakB: flagged(p.outputB),
    gold: p.goldOutputId === null ? null : p.goldOutputId === p.outputAId ? ("A" as const) : ("B" as const),
  }));
  return { pairs, total, pageSize: PAGE };
}

/** Sets or clears the known answer of a pair of this study; false when no such pair. */
export async function setGoldAnswer(studyId: string, pairId: string, answer: "A" | "B" | null, actor: Actor): Promise<boolean> {
  const pair = await db.pair.findFirst({ where: { id: pairId, studyId }, select: { outputAId: true, outputBId: true } });
  if (!pair) return false;
  const goldOutputId = answer === null ? null : answer === "A" ? pair.outputAId : pair.outputBId;
  await db.$transaction(async (tx) => {
    await tx.pair.update({ where: { id: pairId }, data: { goldOutputId } });
    await markFiguresChanged(studyId, tx);
    await recordAudit(tx, { studyId, actor, action: answer ? "GOLD_SET" : "GOLD_CLEARED", details: { pairId, ...(answer ? { answer } : {}) } });
  });
  studyChanged(studyId);
  return true;
}

export async function setGoldRate(studyId: string, goldRate: number): Promise<boolean> {
  const { count } = await db.study.updateMany({ where: { id: studyId }, data: { goldRate } });
  return count === 1;
}

/** Leaves a pair out of every figure (or counts it again); false when no such pair in the study. */
export async function setPairExcluded(studyId: string, pairId: string, excluded: boolean, actor: Actor): Promise<boolean> {
  const done = await db.$transaction(async (tx) => {
    const { count } = await tx.pair.updateMany({ where: { id: pairId, studyId, excluded: !excluded }, data: { excluded } });
    if (count === 1) {
      await markFiguresChanged(studyId, tx);
      await recordAudit(tx, { studyId, actor, action: excluded ? "PROMPT_EXCLUDED" : "PROMPT_INCLUDED", details: { pairId } });
    }
    return count === 1 || !!(await tx.pair.findFirst({ where: { id: pairId, studyId }, select: { id: true } }));
  });
  if (done) studyChanged(studyId);
  return done;
}
