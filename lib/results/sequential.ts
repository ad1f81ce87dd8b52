// The anytime-valid intervals of a study's comparisons, its stopping rule's state and why it stopped, and
// what still holds of the fixed-sample figures (issue 22). Pure: the dashboard, the API, frozen results and
// the admin study page all word it here.
import { utcMinute } from "@/lib/audit/format";
import { anytimeWinRate } from "@/lib/stats/anytime-win-rate";
import { comparisonKey } from "./orientation";
import type { PromptMarksRow } from "./inputs";
import { percent } from "./format";
import type { AnytimeJson, ComparisonJson, SequentialJson, StopJson } from "./types";

/** The anytime intervals' study-wide level when the study sets none. */
export const DEFAULT_LEVEL = 0.05;

export type StopSettings = {
  adaptiveVotes: boolean;
  stopLevel: number | null;
  voteBudget: number | null;
  votesPerPair: number;
  stoppedAt: Date | null;
  stopReason: "DECIDED" | "BUDGET" | null;
  /** The study samples model pairs per prompt (Study.samplingPrompts > 0): the marks carry inclusion probabilities. */
  sampling: boolean;
};

/** 0.05 as "5%", 0.0167 as "1.67%". */
export const levelText = (x: number) => `${Number((x * 100).toPrecision(3))}%`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;


/** "Stopped …: every comparison decided at 5% (Bonferroni over 1 model pair)" / "…: vote budget of 600 spent". */
export function stopText(reason: "DECIDED" | "BUDGET", at: Date, facts: { level: number; modelPairs: number; voteBudget: number | null }): string {
  const why = reason === "DECIDED"
    ? `every comparison decided at ${levelText(facts.level)} (Bonferroni over ${plural(facts.modelPairs, "model pair")})`
    : `vote budget of ${facts.voteBudget ?? "?"} spent`;
  return `Stopped ${utcMinute(at)}: ${why}`;
}

/** The rule's state while the study runs. */
function runningText(s: StopSettings, decided: number, modelPairs: number, level: number): string {
  const state = `${decided} of ${plural(modelPairs, "comparison")} decided by the anytime-valid intervals at ${levelText(level)}`;
  const rules = [
    s.stopLevel !== null ? "when every comparison is decided" : null,
    s.voteBudget !== null ? `at ${s.voteBudget} votes` : null,
  ].filter(Boolean);
  return rules.length ? `Running: ${state}; the study stops ${rules.join(" or ")}.` : `${state}; no early stop is set.`;
}

/** In a sampling study, which of the interval's prompts the draw put the pair to raters on. */
function drawText(drawn: number | undefined, notDrawn: number | undefined): string {
  if (drawn === undefined || notDrawn === undefined) return "";
  if (notDrawn === 0) return ", all of them drawn for this pair";
  return `, read on the ${drawn} the draw put this pair to raters on, not the ${notDrawn} it left out`;
}

function anytimeJson(row: PromptMarksRow, alpha: number, flipped: boolean, level: number, modelPairs: number): AnytimeJson {
  const cs = anytimeWinRate(row.marks, alpha, { flipped, inclusions: row.inclusions });
  const bonferroni = modelPairs > 1 ? `; ${levelText(1 - alpha)} per comparison, Bonferroni over ${modelPairs} model pairs` : "";
  const where = row.inclusions ? "open, not opened yet, or behind an open one" : "open, or behind an open one";
  const waiting = cs.waiting > 0 ? `; ${plural(cs.waiting, "more prompt")} not yet read (${where})` : "";
  const text = `Anytime-valid ${levelText(1 - level)} interval (valid at any stop${bonferroni}): ` +
    `[${percent(cs.interval.low)}, ${percent(cs.interval.high)}] over ${plural(cs.prompts, "prompt")}` +
    `${drawText(cs.drawn, cs.notDrawn)} (${cs.decided ? "decided" : "not yet decided"})${waiting}.`;
  return { alpha, ...cs, text };
}

/** How a sampling study's intervals weigh prompts (the dashboard and the admin study page say it once, above them). */
export const SAMPLING_NOTE =
  "Model pairs are sampled: when a prompt opens, each of its model pairs is put to raters with an inclusion probability fixed from " +
  "earlier votes (the study's sampling rule, with a floor). Each model pair's anytime-valid interval reads the prompts the draw put it to " +
  "raters on, in their opening order, and its estimate is their mean score: whether a pair is drawn on a prompt depends only on earlier " +
  "prompts, so those prompts are fresh draws from the same population and need no weights (optional skipping: Doob 1936; " +
  "Kallenberg 1988). Each vote's inclusion probability is in the exports.";

/** Fewest votes that settle a prompt's majority of k: floor(k / 2) + 1 alike. */
const fewestDeciding = (k: number) => Math.floor(k / 2) + 1;

function notes(s: StopSettings): Pick<SequentialJson, "fixedSampleValid" | "fixedSampleNote" | "voteLevelNote"> {
  const why = s.adaptiveVotes ? "votes went to prompts by their earlier votes (adaptive votes)" : "the study stopped early, at a time its votes chose";
  const fixedSampleValid = !s.adaptiveVotes && s.stoppedAt === null;
  const k = s.votesPerPair;
  return {
    fixedSampleValid,
    fixedSampleNote: fixedSampleValid ? null
      : `Not valid after a data-dependent stop: ${why}, so the fixed-sample intervals and tests (Wilson, bootstrap, sign test, votes needed, the ranking's intervals) under-cover. Read the anytime-valid interval.`,
    voteLevelNote: s.adaptiveVotes && k > fewestDeciding(k)
      ? `Weighted by votes: a prompt decided early by agreeing votes counts as few as ${fewestDeciding(k)}, a contested one all ${k}, so contested prompts weigh more. The prompt-level figures weigh each prompt once.`
      : null,
  };
}

/** Each comparison with its anytime interval, and the study's sequential figures. */
export function sequentialFigures(
  s: StopSettings, rows: readonly PromptMarksRow[], comparisons: readonly ComparisonJson[],
): { comparisons: ComparisonJson[]; sequential: SequentialJson } {
  const level = s.stopLevel ?? DEFAULT_LEVEL;
  const modelPairs = rows.length;
  const perPairLevel = level / Math.max(1, modelPairs);
  const byKey = new Map(rows.map((r) => [comparisonKey(r.modelA, r.modelB), r] as const));
  const shown = new Set<PromptMarksRow>();
  const withCs = comparisons.map((c) => {
    const row = byKey.get(comparisonKey(c.modelA, c.modelB));
    if (!row) return c;
    shown.add(row);
    return { ...c, anytime: anytimeJson(row, perPairLevel, row.modelA !== c.modelA, level, modelPairs) };
  });
  // Model pairs without a comparison (no counted votes yet) count in the rule too.
  const decided = withCs.filter((c) => c.anytime?.decided).length +
    rows.filter((r) => !shown.has(r) && anytimeWinRate(r.marks, perPairLevel, { inclusions: r.inclusions }).decided).length;
  const stop: StopJson | null = s.stoppedAt && s.stopReason
    ? { at: s.stoppedAt.toISOString(), reason: s.stopReason, text: stopText(s.stopReason, s.stoppedAt, { level, modelPairs, voteBudget: s.voteBudget }) }
    : null;
  return {
    comparisons: withCs,
    sequential: {
      adaptiveVotes: s.adaptiveVotes, stopLevel: s.stopLevel, voteBudget: s.voteBudget, level, modelPairs, perPairLevel, decided, stop,
      state: stop ? `${stop.text}.` : runningText(s, decided, modelPairs, level),
      samplingNote: s.sampling ? SAMPLING_NOTE : null,
      ...notes(s),
    },
  };
}

/** Whether the study uses adaptive votes or a stopping rule, or has stopped: then the dashboard shows the sequential figures. */
export const isSequential = (s: { adaptiveVotes: boolean; stopLevel: number | null; voteBudget: number | null; stop: unknown } | undefined): boolean =>
  s !== undefined && (s.adaptiveVotes || s.stopLevel !== null || s.voteBudget !== null || (s.stop !== null && s.stop !== undefined));
