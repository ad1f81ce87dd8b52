// Frozen results: a citable, unchanging record of a study's figures (what the dashboard showed),
// its settings, the app version and its votes as they were (canonical JSON Lines, gzip; their sha256
// in votesSha256: lib/results/vote-hash.ts), with a stable URL. Not the ResultsSnapshot cache.
import "server-only";
import { gunzipSync, gzipSync } from "node:zlib";
import { db } from "@/lib/db";
import { type Actor, lastVotesRemovedAt, recordAudit } from "@/lib/data/audit";
import { studyFiguresVersion } from "@/lib/data/results/snapshots";
import type { Prisma } from "@/lib/generated/prisma/client";
import { differingParts } from "@/lib/results/frozen-compare";
import { getStudyResults, liveStudyFigures } from "@/lib/results/study-results";
import type { StudyResults } from "@/lib/results/types";
import { canonicalVoteLines, type FrozenVote, votesSha256 } from "@/lib/results/vote-hash";
import { buildVersion } from "@/lib/env";
import pkg from "@/package.json" with { type: "json" };

/** The app version a frozen result records: the build's (version+commit) when built, else package.json's. */
const appVersion = (): string => buildVersion() ?? pkg.version;

const PAGE = 5_000;

/** Every vote of the study, as frozen (keyset-paged reads; the canonical order is applied after). */
export async function readFrozenVotes(studyId: string): Promise<FrozenVote[]> {
  const out: FrozenVote[] = [];
  let after: string | undefined;
  for (;;) {
    const rows = await db.vote.findMany({
      where: { studyId, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true, pairId: true, choice: true, winnerOutputId: true, msTaken: true, tooFast: true, seenBothMs: true, rationale: true,
        isDemo: true, createdAt: true, rater: { select: { pseudonym: true } }, assignment: { select: { leftIsA: true, servedAt: true } },
        issues: { select: { outputId: true, issue: { select: { key: true } } } },
        criteria: { select: { choice: true, winnerOutputId: true, criterion: { select: { key: true } } } },
      },
    });
    if (!rows.length) return out;
    for (const v of rows) {
      out.push({
        id: v.id, pairId: v.pairId, rater: v.rater.pseudonym, choice: v.choice, winnerOutputId: v.winnerOutputId,
        leftIsA: v.assignment.leftIsA, servedAt: v.assignment.servedAt.toISOString(), votedAt: v.createdAt.toISOString(),
        msTaken: v.msTaken, tooFast: v.tooFast, seenBothMs: v.seenBothMs, rationale: v.rationale, isDemo: v.isDemo,
        issues: v.issues.map((m) => ({ outputId: m.outputId, key: m.issue.key })),
        criteria: Object.fromEntries(v.criteria.map((c) => [c.criterion.key, { choice: c.choice, winnerOutputId: c.winnerOutputId }])),
      });
    }
    after = rows.at(-1)!.id;
  }
}

// The study's settings as the archive gives them: no link tokens, no completion code (credentials).
async function studySettings(studyId: string) {
  const study = await db.study.findUnique({
    where: { id: studyId },
    omit: { inviteToken: true, crowdToken: true, completionCode: true },
    include: { models: { select: { model: { select: { name: true } } } } },
  });
  if (!study) return null;
  const { models, ...settings } = study;
  return { ...settings, models: models.map((m) => m.model.name).sort() };
}

/** Votes and figures of one moment: read again while a vote or change lands in between (3 tries). */
async function consistentState(studyId: string, exclude: readonly string[]) {
  for (let attempt = 0; ; attempt++) {
    // All on the primary: the figures must be those of the votes stored beside them.
    const before = await studyFiguresVersion(studyId, "primary");
    const [votes, figures] = await Promise.all([readFrozenVotes(studyId), liveStudyFigures(studyId, exclude)]);
    if (!figures) return null;
    if (before === (await studyFiguresVersion(studyId, "primary")) || attempt === 2) return { votes, figures };
  }
}

export type FreezeInput = { label: string | null; exclude: readonly string[] };

/** Freezes the study's current figures; null when no such study. */
export async function freezeResults(studyId: string, input: FreezeInput, actor: Actor): Promise<{ id: string } | null> {
  const [state, settings] = await Promise.all([consistentState(studyId, input.exclude), studySettings(studyId)]);
  if (!state || !settings) return null;
  const lines = canonicalVoteLines(state.votes);
  const sha = votesSha256(lines);
  return db.$transaction(async (tx) => {
    const frozen = await tx.frozenResult.create({
      data: {
        studyId, label: input.label, createdById: actor.id, createdByLabel: actor.label,
        excludedRaters: state.figures.excludedRaters.pseudonyms, figures: state.figures as unknown as Prisma.InputJsonValue,
        settings: JSON.parse(JSON.stringify(settings)) as Prisma.InputJsonValue, appVersion: appVersion(),
        voteCount: state.votes.length, votesSha256: sha, votes: new Uint8Array(gzipSync(lines)),
      },
      select: { id: true },
    });
    await recordAudit(tx, { studyId, actor, action: "RESULTS_FROZEN", details: { frozenId: frozen.id, label: input.label, votes: state.votes.length, votesSha256: sha } });
    return frozen;
  });
}

const summaryFields = {
  id: true, studyId: true, label: true, createdByLabel: true, createdAt: true, excludedRaters: true, appVersion: true, voteCount: true, votesSha256: true,
} as const;

export type FrozenSummary = Prisma.FrozenResultGetPayload<{ select: typeof summaryFields }>;

export async function listFrozenResults(studyId: string): Promise<FrozenSummary[]> {
  return db.frozenResult.findMany({ where: { studyId }, orderBy: { createdAt: "desc" }, select: summaryFields });
}

export type FrozenView = FrozenSummary & {
  figures: StudyResults; settings: Record<string, unknown>;
  /** The current figures (same raters left out) say something else. */
  currentDiffers: boolean;
  /** Which parts of them, as the dashboard names them ("the ranking"); empty when none or not computed. */
  differsIn: string[];
  /** A withdrawal or an account deletion removed votes after the freeze. */
  votesRemovedSince: Date | null;
};

export async function getFrozenResult(studyId: string, frozenId: string): Promise<FrozenView | null> {
  const row = await db.frozenResult.findFirst({ where: { id: frozenId, studyId }, select: { ...summaryFields, figures: true, settings: true } });
  if (!row) return null;
  const [current, removedAt] = await Promise.all([getStudyResults(studyId, row.excludedRaters), lastVotesRemovedAt(studyId)]);
  const figures = row.figures as unknown as StudyResults;
  const differsIn = current ? differingParts(figures, current) : [];
  return {
    ...row, figures, settings: row.settings as Record<string, unknown>,
    currentDiffers: !current || differsIn.length > 0, differsIn,
    votesRemovedSince: removedAt && removedAt > row.createdAt ? removedAt : null,
  };
}

/** The frozen votes' canonical JSON Lines (whose sha256 is votesSha256); null when no such frozen result. */
export async function frozenVoteLines(studyId: string, frozenId: string): Promise<string | null> {
  const row = await db.frozenResult.findFirst({ where: { id: frozenId, studyId }, select: { votes: true } });
  return row ? gunzipSync(row.votes).toString("utf8") : null;
}
