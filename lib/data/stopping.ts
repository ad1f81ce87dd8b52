// A study's stopping rule (issue 22), evaluated from the rater path: once every comparison's anytime-valid
// interval excludes 1/2 at the study's stopLevel (Bonferroni over its model pairs), or its vote budget is
// spent, Study.stoppedAt and stopReason are set, once; the lease then serves nothing. The same intervals
// tell the opening of prompts which comparisons are already decided (comparisonDecisions).
import "server-only";
import { DB_NOW, db } from "@/lib/db";
import { MACHINERY, machineryOn } from "@/lib/machinery";
import { recordAudit, SYSTEM } from "@/lib/data/audit";
import { sampledPairIntervals, type PairInterval } from "@/lib/data/comparison-sequences";
import { promptMarks, type MarksStudy } from "@/lib/data/results/prompt-marks";
import { markFiguresChanged } from "@/lib/data/results/snapshots";
import { stoppingDecision } from "@/lib/allocation/stopping";
import { DEFAULT_LEVEL } from "@/lib/results/sequential";
import { anytimeWinRate } from "@/lib/stats/anytime-win-rate";

/** How often, at most, a study's rule is evaluated (across processes). */
export const STOP_CHECK_SECONDS = 10;

export type StopOutcome = { stoppedAt: Date; reason: "DECIDED" | "BUDGET" } | null;

/**
 * Claims the study's next evaluation: true for the one caller per STOP_CHECK_SECONDS that should evaluate
 * the rule now. Only open studies with a rule that have not stopped take part.
 */
export async function claimStopCheck(studyId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Study" SET "stopCheckedAt" = ${DB_NOW}
    WHERE id = ${studyId} AND status = 'OPEN' AND "stoppedAt" IS NULL AND ("stopLevel" IS NOT NULL OR "voteBudget" IS NOT NULL)
      AND ("stopCheckedAt" IS NULL OR "stopCheckedAt" < ${DB_NOW} - make_interval(secs => ${STOP_CHECK_SECONDS}))
    RETURNING id`;
  return rows.length > 0;
}

/** Votes recorded in the study (gold pairs' too: every vote spends rater time), from the per-hour tallies. */
async function recordedVotes(studyId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ votes: number }[]>`SELECT coalesce(sum(votes), 0)::int AS votes FROM "VoteHour" WHERE "studyId" = ${studyId}`;
  return row?.votes ?? 0;
}

/**
 * Every model pair's anytime interval at `level` split over the model pairs (Bonferroni), read on the
 * primary with no rater left out: what the stop and the opening of prompts decide on. A study that samples
 * model pairs reads only the prompts after those already read (comparison-sequences.ts).
 */
async function pairIntervals(studyId: string, study: MarksStudy, level: number): Promise<PairInterval[]> {
  if (study.sampling && machineryOn(MACHINERY.keptSequences)) return sampledPairIntervals(studyId, study.votesPerPair, level);
  const marks = await promptMarks({ studyId, excludeRaterIds: [], source: "primary" }, study);
  const perPair = level / Math.max(1, marks.length);
  return marks.map((m) => {
    const cs = anytimeWinRate(m.marks, perPair, { inclusions: m.inclusions });
    return { key: `${m.modelAId}|${m.modelBId}`, interval: cs.interval, decided: cs.decided };
  });
}

const marksStudy = (s: { votesPerPair: number; samplingPrompts: number }): MarksStudy => ({ votesPerPair: s.votesPerPair, sampling: s.samplingPrompts > 0 });

/**
 * Evaluates the rule now and stops the study when it says so; returns the stop (the earlier one when the
 * study had already stopped), or null while it runs or has no rule. Reads the primary, no rater left out.
 */
export async function evaluateStopping(studyId: string): Promise<StopOutcome> {
  const study = await db.study.findUnique({
    where: { id: studyId },
    select: { stopLevel: true, voteBudget: true, votesPerPair: true, stoppedAt: true, stopReason: true, samplingPrompts: true },
  });
  if (!study) return null;
  if (study.stoppedAt && study.stopReason) return { stoppedAt: study.stoppedAt, reason: study.stopReason };
  if (study.stopLevel === null && study.voteBudget === null) return null;
  const [votes, pairs] = await Promise.all([
    recordedVotes(studyId),
    study.stopLevel === null ? [] : pairIntervals(studyId, marksStudy(study), study.stopLevel),
  ]);
  const decision = stoppingDecision({ intervals: pairs.map((p) => p.interval), votes, budget: study.voteBudget ?? Number.POSITIVE_INFINITY });
  if (decision.reason !== "decided" && decision.reason !== "budget") return null;
  const reason = decision.reason === "decided" ? "DECIDED" : "BUDGET";
  const details = { reason, level: study.stopLevel, modelPairs: pairs.length, decided: decision.decided, votes, voteBudget: study.voteBudget };
  return stopStudy(studyId, reason, details);
}

/**
 * Whether each model pair's anytime interval already excludes 1/2, at the study's stopLevel (else 5%) split
 * over its model pairs (Bonferroni), as the stop reads it: keyed `${modelAId}|${modelBId}`, model ids, the
 * LEAST first. A model pair without counted pairs is absent (not decided). Reads committed rows on the
 * primary (its own connection, so not a caller's open transaction); empty for no such study.
 */
export async function comparisonDecisions(studyId: string): Promise<Map<string, boolean>> {
  const study = await db.study.findUnique({ where: { id: studyId }, select: { stopLevel: true, votesPerPair: true, samplingPrompts: true } });
  if (!study) return new Map();
  const pairs = await pairIntervals(studyId, marksStudy(study), study.stopLevel ?? DEFAULT_LEVEL);
  return new Map(pairs.map((p) => [p.key, p.decided]));
}

/** Sets the stop once (a concurrent evaluation that lost finds it set) with its audit event, in one transaction. */
async function stopStudy(studyId: string, reason: "DECIDED" | "BUDGET", details: Record<string, unknown>): Promise<StopOutcome> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ stoppedAt: Date }[]>`
      UPDATE "Study" SET "stoppedAt" = ${DB_NOW}, "stopReason" = ${reason}::"StopReason"
      WHERE id = ${studyId} AND "stoppedAt" IS NULL
      RETURNING "stoppedAt"`;
    if (!row) {
      const current = await tx.study.findUnique({ where: { id: studyId }, select: { stoppedAt: true, stopReason: true } });
      return current?.stoppedAt && current.stopReason ? { stoppedAt: current.stoppedAt, reason: current.stopReason } : null;
    }
    await recordAudit(tx, { studyId, actor: SYSTEM, action: "STUDY_STOPPED", details });
    // The figures say whether and why the study stopped: kept ones are stale now, though no vote changed.
    await markFiguresChanged(studyId, tx);
    return { stoppedAt: row.stoppedAt, reason };
  });
}

// Whether a study has a stop rule is fixed at its creation, so each process reads it once; with a rule,
// a process asks for the study's check at most once per STOP_CHECK_SECONDS. Asking on every vote cost
// every vote a round trip (capacity target: with it, 2,000 raters failed at p99 113 ms; docs/benchmarks.md).
const hasRule = new Map<string, boolean>();
const nextClaimAt = new Map<string, number>();

async function studyHasRule(studyId: string): Promise<boolean> {
  const known = hasRule.get(studyId);
  if (known !== undefined) return known;
  const study = await db.study.findUnique({ where: { id: studyId }, select: { stopLevel: true, voteBudget: true } });
  const rule = study !== null && (study.stopLevel !== null || study.voteBudget !== null);
  hasRule.set(studyId, rule);
  return rule;
}

/** After a recorded vote: evaluates the rule when this caller claims the study's check (at most every STOP_CHECK_SECONDS). */
export async function checkStoppingAfterVote(studyId: string): Promise<StopOutcome> {
  if (!(await studyHasRule(studyId))) return null;
  const now = Date.now();
  if ((nextClaimAt.get(studyId) ?? 0) > now) return null;
  nextClaimAt.set(studyId, now + STOP_CHECK_SECONDS * 1000);
  return (await claimStopCheck(studyId)) ? evaluateStopping(studyId) : null;
}
