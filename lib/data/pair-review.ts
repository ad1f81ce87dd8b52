// A study's pairs as the admin reviews them (/admin/studies/{id}/pairs): gold pairs, where an admin marks
// the output known to be better (one answer is plainly wrong), mixed into raters' queues at the study's
// gold rate to score each rater's accuracy; and excluded pairs, left out of every figure and no longer
// served, for a pair raters flagged or an answer that names its author, found after the study opened.
import "server-only";
import { db } from "@/lib/db";
import { type Actor, recordAudit } from "@/lib/data/audit";
import { stillFlagged } from "@/lib/data/leak-review";
import { markFiguresChanged } from "@/lib/data/results/snapshots";
import { studyChanged } from "@/lib/data/study-changes";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A rater's "Flag this pair" on the pair: their reason and pseudonym. */
export type RaterFlag = { reason: string; rater: string };

export type PairForReview = {
  id: string; instruction: string; input: string; modelA: string; outputA: string; modelB: string; outputB: string;
  gold: "A" | "B" | null; voteCount: number; excluded: boolean;
  /** The conversation turn the pair judges (0: the whole conversation, or a single answer). */
  turn: number;
  /** The phrase of an answer flagged as possibly naming its author (and not cleared). */
  leakA: string | null; leakB: string | null;
  /** The newest raters' flags on the pair (at most FLAGS_SHOWN), and how many there are in all. */
  flags: RaterFlag[]; flagCount: number;
};

/** Which pairs the page lists: all, those raters flagged, those with an answer that may name its author, the excluded. */
export const PAIR_FILTERS = ["all", "flagged", "leaks", "excluded"] as const;
export type PairFilter = (typeof PAIR_FILTERS)[number];

const FILTER_WHERE: Record<PairFilter, Prisma.PairWhereInput> = {
  all: {},
  flagged: { assignments: { some: { flaggedAt: { not: null } } } },
  leaks: { OR: [{ outputA: stillFlagged }, { outputB: stillFlagged }] },
  excluded: { excluded: true },
};

const FLAGS_SHOWN = 5;
const PAGE = 25;

// The phrase of an answer still flagged as possibly naming its author (not cleared), else null.
const flagged = (o: { leakPhrase: string | null; leakReview: string | null }) => (o.leakReview === "CLEARED" ? null : o.leakPhrase);

export type PairReviewPage = {
  pairs: PairForReview[];
  /** Pairs under the filter shown, and under each filter. */
  total: number; counts: Record<PairFilter, number>;
  pageSize: number;
};

/** `search`: a case-insensitive part of the instruction; the counts are of the pairs it finds. */
export async function listPairsForReview(studyId: string, page: number, filter: PairFilter = "all", search = ""): Promise<PairReviewPage> {
  // Prisma hands `contains` to LIKE as written: % and _ are escaped so they match themselves.
  const literal = search.replace(/[\\%_]/g, "\\$&");
  const found: Prisma.PairWhereInput = search ? { prompt: { instruction: { contains: literal, mode: "insensitive" } } } : {};
  const where = (f: PairFilter): Prisma.PairWhereInput => ({ studyId, AND: [FILTER_WHERE[f], found] });
  const flaggedAssignments = { flaggedAt: { not: null } } satisfies Prisma.AssignmentWhereInput;
  const [counts, rows] = await Promise.all([
    Promise.all(PAIR_FILTERS.map((f) => db.pair.count({ where: where(f) }))),
    db.pair.findMany({
      where: where(filter),
      orderBy: [{ goldOutputId: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      skip: page * PAGE,
      take: PAGE,
      select: {
        id: true, voteCount: true, goldOutputId: true, outputAId: true, outputBId: true, excluded: true, turn: true,
        prompt: { select: { instruction: true, input: true } },
        outputA: { select: { text: true, leakPhrase: true, leakReview: true, model: { select: { name: true } } } },
        outputB: { select: { text: true, leakPhrase: true, leakReview: true, model: { select: { name: true } } } },
        assignments: {
          where: flaggedAssignments, orderBy: { flaggedAt: "desc" }, take: FLAGS_SHOWN,
          select: { flagReason: true, rater: { select: { pseudonym: true } } },
        },
        _count: { select: { assignments: { where: flaggedAssignments } } },
      },
    }),
  ]);
  const pairs = rows.map((p) => ({
    id: p.id, instruction: p.prompt.instruction, input: p.prompt.input, voteCount: p.voteCount, excluded: p.excluded, turn: p.turn,
    modelA: p.outputA.model.name, outputA: p.outputA.text, modelB: p.outputB.model.name, outputB: p.outputB.text,
    leakA: flagged(p.outputA), leakB: flagged(p.outputB),
    gold: p.goldOutputId === null ? null : p.goldOutputId === p.outputAId ? ("A" as const) : ("B" as const),
    flags: p.assignments.map((a) => ({ reason: a.flagReason ?? "", rater: a.rater.pseudonym })),
    flagCount: p._count.assignments,
  }));
  const byFilter = Object.fromEntries(PAIR_FILTERS.map((f, i) => [f, counts[i]!])) as Record<PairFilter, number>;
  return { pairs, total: byFilter[filter], counts: byFilter, pageSize: PAGE };
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

/**
 * Leaves a pair out of every figure and out of raters' queues (or counts it again); false when no such
 * pair in the study. A rater holding it may still vote on it: that vote is kept, and counted only in
 * the dashboard's "with the excluded prompts" figure.
 */
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
