// Server entry point of the results: runs the aggregate queries in parallel and assembles the figures.
// The API route and the page both call this, so they always agree.
import "server-only";
import { criteriaAggregates, criteriaDisagreement, type CriterionRef } from "@/lib/data/results/criterion-counts";
import { answerRatings } from "@/lib/data/results/issue-ratings";
import { judgeCrossCounts, judgeRuns } from "@/lib/data/results/judge-counts";
import { excludedPairTallies, pairAggregates } from "@/lib/data/results/pair-counts";
import { panelCounts, panelRuns } from "@/lib/data/results/panel-counts";
import { promptMarks } from "@/lib/data/results/prompt-marks";
import { listResultPrompts, type PromptListFilter } from "@/lib/data/results/prompt-list";
import { raterStats } from "@/lib/data/results/rater-stats";
import type { ReadSource, ResultsScope } from "@/lib/data/results/scope";
import { resolvePseudonyms, resultsStudy } from "@/lib/data/results/study-info";
import { deleteSnapshots, loadSnapshot, saveSnapshot, studyFiguresVersion } from "@/lib/data/results/snapshots";
import { votesPerHour } from "@/lib/data/results/votes-over-time";
import { MACHINERY, machineryOn } from "@/lib/machinery";
import { assembleResults } from "./assemble";
import { turnsToShow, withExcludedByTurn } from "./turns";
import { type FiguresStore, ResultsCache } from "./results-cache";
import type { ResultsResponse, StudyResults } from "./types";

// Keys are "<studyId>\u0000<excluded pseudonyms>"; the store keeps the second part as the scope.
const scopeOf = (key: string) => key.slice(key.indexOf("\u0000") + 1);
// The figures are kept (switch: results-cache) for target 4 of docs/benchmarks.md (repeat views ≤ 50 ms):
// without it every view recomputes, 1.5–2.9 s at a million votes. Kept only for studies this large, by
// count, not time, so a smaller study is live however busy the server is.
const KEEP_FROM_VOTES = 20_000;
/** Figures in the ResultsSnapshot table (exported for tests that play a second server process). */
export const figuresStore: FiguresStore<StudyResults> = {
  async load(studyId, key) {
    const stored = await loadSnapshot(studyId, scopeOf(key));
    return stored && { value: stored.figures as StudyResults, at: stored.computedAt.getTime(), version: stored.version };
  },
  // Figures without a version (it could not be read) are not worth sharing: no one could trust them later.
  save: async (studyId, key, value, at, tookMs, version) => {
    if (version !== null) await saveSnapshot(studyId, scopeOf(key), value, version, new Date(at), Math.round(tookMs));
  },
  forget: deleteSnapshots,
};
export const keepFigures = (results: StudyResults) => results.totals.votes >= KEEP_FROM_VOTES;
/** The dashboard's figures are read on the replica (when there is one), so their version is too (exported for tests). */
export const figuresVersion = (studyId: string) => studyFiguresVersion(studyId, "replica");
const figuresCache = new ResultsCache<StudyResults>({ keep: keepFigures, store: figuresStore, version: figuresVersion }).listen();

/** The scope for a study minus the given pseudonyms (unknown ones are reported, not an error). */
export async function resultsScope(studyId: string, exclude: readonly string[], source: ReadSource = "replica") {
  const { ids, unknown } = await resolvePseudonyms(exclude, source);
  const scope: ResultsScope = { studyId, excludeRaterIds: ids, source };
  return { scope, excludedRaters: { pseudonyms: exclude.filter((p) => !unknown.includes(p)), unknown } };
}

/**
 * Null when the study does not exist. The figures of large studies may come from a cache up to a
 * few seconds old (see results-cache.ts; `generatedAt` says when); the prompt page is always live.
 */
export async function getStudyResults(
  studyId: string,
  exclude: readonly string[] = [],
  promptFilter: PromptListFilter = { page: 1, pageSize: 25 },
  parts?: ResultsParts,
): Promise<ResultsResponse | null> {
  const key = `${studyId}\u0000${[...new Set(exclude)].sort().join(",")}`;
  const { scope, excludedRaters } = await resultsScope(studyId, exclude);
  const [figures, prompts] = await Promise.all([
    machineryOn(MACHINERY.resultsCache)
      ? figuresCache.get(studyId, key, () => computeFigures(scope, excludedRaters, parts))
      : computeFigures(scope, excludedRaters, parts),
    timed(parts, "prompts", listResultPrompts(scope, promptFilter)),
  ]);
  return figures && { ...figures, prompts };
}

/**
 * Milliseconds per part of a results request, filled when the figures are computed (not when they
 * come from the kept ones): the route sends them as Server-Timing, the benchmark reports them.
 */
export type ResultsParts = Record<string, number>;

async function timed<T>(parts: ResultsParts | undefined, name: string, work: Promise<T>): Promise<T> {
  if (!parts) return work;
  const started = performance.now();
  const value = await work;
  parts[name] = performance.now() - started;
  return value;
}

/** Each other criterion's aggregates and how often the criteria differ from the primary choice. */
async function criteriaCounts(scope: ResultsScope, others: readonly CriterionRef[], ranked: boolean) {
  const [aggregates, disagreement] = await Promise.all([criteriaAggregates(scope, others, { promptPatterns: ranked }), criteriaDisagreement(scope)]);
  return { others: aggregates, disagreement };
}

/** The study's external panels and, when it has any, their counts beside our raters'. */
async function panelParts(scope: ResultsScope) {
  const runs = await panelRuns(scope.studyId, scope.source);
  return { runs, rows: runs.length ? await panelCounts(scope) : [] };
}

/** The figures computed now, from the primary (no cache, no replica): what a frozen result stores. */
export async function liveStudyFigures(studyId: string, exclude: readonly string[] = []): Promise<StudyResults | null> {
  const { scope, excludedRaters } = await resultsScope(studyId, exclude, "primary");
  return computeFigures(scope, excludedRaters);
}

async function computeFigures(
  given: ResultsScope, excludedRaters: StudyResults["excludedRaters"], parts?: ResultsParts,
): Promise<StudyResults | null> {
  const { studyId } = given;
  const study = await timed(parts, "study", resultsStudy(studyId, given.source));
  if (!study) return null;
  const scope: ResultsScope = { ...given, hasExcludedPairs: study.excludedPairs > 0 };
  const { issues: issueDefs, criteria: criterionDefs, judgedTurns, stopping, ...studyFacts } = study;
  // The primary criterion's figures are the study's own (the Vote's choice); the others' come beside them.
  const [primary, ...others] = criterionDefs;
  // Only a study of 3+ models is ranked, so only it reads its prompts' votes for the ranking's bootstrap.
  const ranked = study.models.length >= 3;
  // In parallel, so each part's time is its own query's wall time while it shared the machine with the others.
  const [pairs, excludedTallies, raters, hours, runs, judgeRows, answers, criteria, panels, marks] = await Promise.all([
    timed(parts, "pairs", pairAggregates(scope, { byTurn: judgedTurns.length > 0, promptPatterns: ranked })), timed(parts, "excluded", excludedPairTallies(scope)), timed(parts, "raters", raterStats(scope)),
    timed(parts, "hours", votesPerHour(scope)), timed(parts, "judges", judgeRuns(studyId, given.source)),
    timed(parts, "judgeCounts", judgeCrossCounts(scope)), timed(parts, "issues", answerRatings(scope, issueDefs.map((i) => i.key))),
    // Only studies that ask several criteria pay for them.
    primary ? timed(parts, "criteria", criteriaCounts(scope, others, ranked)) : undefined,
    timed(parts, "panels", panelParts(scope)),
    timed(parts, "marks", promptMarks(scope, stopping)),
  ]);
  const assembling = performance.now();
  // One row per answer and issue, as the issue figures read them.
  const issueRows = answers.flatMap((a) => issueDefs.map((i) => ({
    promptId: a.promptId, category: a.category, modelId: a.model, issueKey: i.key, rated: a.rated, marked: a.marked[i.key] ?? 0,
  })));
  const results = assembleResults({
    study: studyFacts, excludedRaters, issues: { defs: issueDefs, rows: issueRows }, pairOrders: pairs.orders, patterns: pairs.patterns, promptPatterns: pairs.promptPatterns, lengths: pairs.lengths, categories: pairs.categories, sides: pairs.sides,
    promptsVoted: pairs.promptsVoted, excludedTallies, raters, hours, judgeRuns: runs, judgeRows,
    panels, sequential: { settings: stopping, marks },
    criteria: primary && criteria && { primary: { key: primary.key, label: primary.label, question: primary.question }, ...criteria },
    // Only a study that judges turns one by one has figures per turn.
    ...(judgedTurns.length > 0 && { turns: turnsToShow(judgedTurns, withExcludedByTurn(pairs.byTurn, excludedTallies)) }),
  });
  // The statistics (bootstraps, Bradley–Terry, intervals) in JavaScript, after the queries.
  if (parts) parts.assemble = performance.now() - assembling;
  return results;
}
