// Sampling of model pairs (issue 22, 3+ models): a study's prompts open a block at a time, in the random
// order fixed at creation (Pair.sampleRank); when a prompt opens, each of its model pairs gets an
// inclusion probability from the votes so far (the study's rule with a floor: Chatbot Arena's, decided
// comparisons at the floor, or in proportion to vote variance: lib/allocation/pair-sampling.ts) and a
// draw against it puts the pair to raters or holds it.
// Because a block's probabilities read only votes on prompts opened before it, they are fixed before any
// of its own votes: what makes the prompts a pair is drawn on fresh draws for its interval (docs/adaptive.md).
//
// Blocks open ahead, after a vote, once fewer open pairs remain than a block puts to raters
// (openAheadAfterVote), so raters do not wait for an opening; and on demand: the lease answers 'waiting'
// with moreToOpen when a rater finds nothing to judge while prompts remain unopened
// (prisma/sql/next-lease.sql, rule 8), and the caller opens the next block.
import "server-only";
import { randomInt } from "node:crypto";
import { DB_NOW, db } from "@/lib/db";
import { MACHINERY, machineryOn } from "@/lib/machinery";
import type { Prisma } from "@/lib/generated/prisma/client";
import { comparisonDecisions } from "@/lib/data/stopping";
import { drawPairs, pairProbabilities, SAMPLING_RULES, samplingFloor, type ModelPairVotes } from "@/lib/allocation/pair-sampling";

/**
 * Prompts opened at once: a fiftieth of the study, at least one. Smaller blocks adapt sooner; each opening
 * costs a pass over the study's pairs and its comparisons' intervals, so not one per rater request.
 */
export function openingBlockSize(samplingPrompts: number): number {
  return Math.max(1, Math.ceil(samplingPrompts / 50));
}

/** Pairs a block puts to raters, about: its prompts times the model pairs drawn per prompt (which may be fractional), rounded up. */
export function openingBlockPairs(samplingPrompts: number, pairsPerPrompt: number): number {
  return Math.ceil(openingBlockSize(samplingPrompts) * pairsPerPrompt);
}

type ModelPairRow = { lo: string; hi: string; winsLo: number; winsHi: number; draws: number };

/** Every model pair of the sampled prompts and its votes so far, lower model id first. */
async function modelPairVotes(tx: Prisma.TransactionClient, studyId: string): Promise<ModelPairRow[]> {
  return tx.$queryRaw<ModelPairRow[]>`
    SELECT LEAST(p."modelAId", p."modelBId") AS lo, GREATEST(p."modelAId", p."modelBId") AS hi,
      sum(CASE WHEN p."modelAId" < p."modelBId" THEN p."winsA" ELSE p."winsB" END)::int AS "winsLo",
      sum(CASE WHEN p."modelAId" < p."modelBId" THEN p."winsB" ELSE p."winsA" END)::int AS "winsHi",
      sum(p.ties + p."bothBad")::int AS draws
    FROM "Pair" p
    WHERE p."studyId" = ${studyId} AND p."sampleRank" IS NOT NULL AND NOT p.excluded
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

/**
 * Opens the study's next block of prompts if `seenOpened` prompts are still all that is open: however many
 * requests ask at the same moment, one block opens. The opener holds a transaction-scoped advisory lock per
 * study; a request that finds it held returns "busy" at once rather than queue with a connection taken
 * (an opening reads every comparison's interval and draws a block), and asks the lease again
 * a moment later. Returns the number of pairs put to raters (0: another request opened the block, nothing
 * is left to open, or not a sampling study).
 */
export async function openNextPrompts(studyId: string, seenOpened: number): Promise<number | "busy"> {
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(hashtext('pairwise-open-prompts'), hashtext(${studyId})) AS locked`;
    if (!lock?.locked) return "busy";
    const study = await tx.study.findUnique({
      where: { id: studyId },
      select: { pairsPerPrompt: true, pairSamplingRule: true, samplingPrompts: true, openedPrompts: true, status: true, stoppedAt: true },
    });
    if (!study || study.pairsPerPrompt === null || study.status !== "OPEN" || study.stoppedAt !== null) return 0;
    if (study.openedPrompts !== seenOpened || study.openedPrompts >= study.samplingPrompts) return 0;
    const [rows, decisions] = await Promise.all([modelPairVotes(tx, studyId), comparisonDecisions(studyId)]);
    const votes: ModelPairVotes[] = rows.map((r) => ({
      winsA: r.winsLo, winsB: r.winsHi, ties: r.draws, bothBad: 0, decided: decisions.get(`${r.lo}|${r.hi}`) ?? false,
    }));
    const probabilities = pairProbabilities(votes, {
      votesPerPrompt: study.pairsPerPrompt, floor: samplingFloor(study.pairsPerPrompt, rows.length), ...SAMPLING_RULES[study.pairSamplingRule],
    });
    const byModelPair = new Map(rows.map((r, i) => [`${r.lo}|${r.hi}`, probabilities[i] as number] as const));
    const end = Math.min(study.samplingPrompts, study.openedPrompts + openingBlockSize(study.samplingPrompts));
    const block = await tx.$queryRaw<{ id: string; lo: string; hi: string }[]>`
      SELECT p.id, LEAST(p."modelAId", p."modelBId") AS lo, GREATEST(p."modelAId", p."modelBId") AS hi
      FROM "Pair" p
      WHERE p."studyId" = ${studyId} AND p."sampleRank" >= ${study.openedPrompts} AND p."sampleRank" < ${end}
      ORDER BY p.id`;
    const inclusion = block.map((p) => byModelPair.get(`${p.lo}|${p.hi}`)!);
    // crypto's randomInt: a draw no rater can reproduce from the counts they might infer.
    const sampled = drawPairs(inclusion, block.map(() => randomInt(2 ** 47) / 2 ** 47));
    await tx.$executeRaw`
      UPDATE "Pair" p SET inclusion = d.q, held = NOT d.sampled
      FROM unnest(${block.map((p) => p.id)}::text[], ${inclusion}::float8[], ${sampled}::boolean[]) AS d(id, q, sampled)
      WHERE p.id = d.id`;
    await tx.study.update({ where: { id: studyId }, data: { openedPrompts: end } });
    return sampled.filter(Boolean).length;
  }, { timeout: 30_000 });
}

/** How often, at most, a process looks whether a sampling study runs short of open pairs. */
export const LOOKAHEAD_SECONDS = 5;
// Whether a study samples model pairs, and its block, are fixed at creation: each process reads them once.
const blockPairsOf = new Map<string, number | null>();
const nextLookAt = new Map<string, number>();

async function studyBlockPairs(studyId: string): Promise<number | null> {
  if (blockPairsOf.has(studyId)) return blockPairsOf.get(studyId)!;
  const study = await db.study.findUnique({ where: { id: studyId }, select: { pairsPerPrompt: true, samplingPrompts: true } });
  const block = study && study.pairsPerPrompt !== null && study.samplingPrompts > 0 ? openingBlockPairs(study.samplingPrompts, study.pairsPerPrompt) : null;
  blockPairsOf.set(studyId, block);
  return block;
}

/**
 * After a recorded vote in a study that samples model pairs, at most every LOOKAHEAD_SECONDS per process:
 * when fewer pairs have room for a rater than a block puts to raters, opens the next block now, off any rater's
 * request. An opening reads every comparison's interval and draws a block, and on demand
 * every rater arriving meanwhile waited for it: at the end of a sampling study with 1,000 raters, `/next`
 * p99 732 ms on demand only, 255 ms with this (docs/benchmarks.md, target 3).
 * The block's probabilities still read only votes on prompts opened before it. Returns what
 * openNextPrompts returns, or 0 when nothing was due.
 */
export async function openAheadAfterVote(studyId: string): Promise<number | "busy"> {
  if (!machineryOn(MACHINERY.openAhead)) return 0;
  const block = await studyBlockPairs(studyId);
  if (block === null) return 0;
  const now = Date.now();
  if ((nextLookAt.get(studyId) ?? 0) > now) return 0;
  nextLookAt.set(studyId, now + LOOKAHEAD_SECONDS * 1000);
  // Pairs with room for a rater, live leases counted as the lease counts them, only up to a block
  // (Pair_lease_queue_idx, whose predicate this names in full): raters reading hold leases on many open pairs.
  const [row] = await db.$queryRaw<{ opened: number; open: number }[]>`
    SELECT s."openedPrompts" AS opened, (
      SELECT count(*)::int FROM (
        SELECT 1 FROM "Pair" p
        WHERE p."studyId" = s.id AND NOT p.excluded AND NOT p.decided AND NOT p.held AND p."voteCount" < s."votesPerPair"
          AND p."voteCount" + (SELECT l.n FROM "pairwise_live_leases"(p.id, ${DB_NOW}) l) < s."votesPerPair"
        LIMIT ${block}) o) AS open
    FROM "Study" s
    WHERE s.id = ${studyId} AND s.status = 'OPEN' AND s."stoppedAt" IS NULL AND s."openedPrompts" < s."samplingPrompts"`;
  if (!row || row.open >= block) return 0;
  return openNextPrompts(studyId, row.opened);
}
