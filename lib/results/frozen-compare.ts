// Whether a frozen result's figures and the current ones say the same: their JSON with object keys
// sorted (jsonb does not keep key order), leaving out what is no figure (when computed, the study's
// name and status). Pure.
import type { StudyResults } from "./types";

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The figures alone: the results API adds the prompt list's page to the same object. */
function figuresOnly(results: StudyResults): Record<string, unknown> {
  const figures: Record<string, unknown> = { ...results, study: { ...results.study } };
  const study = figures.study as Record<string, unknown>;
  for (const key of ["generatedAt", "prompts"]) delete figures[key];
  for (const key of ["name", "status"]) delete study[key];
  return figures;
}

/** The figures alone, in one text: equal texts, equal figures. */
export function figuresText(results: StudyResults): string {
  return sortedJson(figuresOnly(results));
}

/** What the dashboard calls each part of the figures, in the order it shows them. */
const PART_NAMES: Record<string, string> = {
  study: "the study's pairs and model order", excludedRaters: "the raters left out", totals: "the totals", comparisons: "the model comparisons",
  ranking: "the ranking", sequential: "the stopping rule", turns: "the turns", criteria: "the criteria", issues: "the answer issues",
  positionBias: "position bias", lengthBias: "length bias", categories: "the categories", agreement: "rater agreement",
  raters: "the rater table", raterThresholds: "the rater thresholds", overTime: "votes over time", judges: "the automatic judges",
  panels: "the external panels",
};

/**
 * Figures frozen before the anytime intervals existed (issue 22) have none: the current ones are compared
 * without them, so adding the intervals alone does not make every older frozen result read as changed.
 */
function withoutNewerFigures(frozen: StudyResults, current: StudyResults): StudyResults {
  if (frozen.sequential !== undefined || current.sequential === undefined) return current;
  const comparisons = (current.comparisons ?? []).map((c) => ({ ...c, anytime: undefined }));
  return { ...current, sequential: undefined, comparisons };
}

/**
 * The parts of the figures that differ, named as the dashboard names them (its order; a part it does not
 * name under its own key): empty when the current figures say the same as the frozen ones.
 */
export function differingParts(frozen: StudyResults, current: StudyResults): string[] {
  const a = figuresOnly(frozen);
  const b = figuresOnly(withoutNewerFigures(frozen, current));
  const present = new Set([...Object.keys(a), ...Object.keys(b)]);
  const named = Object.keys(PART_NAMES).filter((k) => present.has(k));
  const unnamed = [...present].filter((k) => !(k in PART_NAMES)).sort();
  return [...named, ...unnamed].filter((k) => sortedJson(a[k]) !== sortedJson(b[k])).map((k) => PART_NAMES[k] ?? k);
}
