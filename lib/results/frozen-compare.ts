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

/** The figures alone, in one text: equal texts, equal figures. */
export function figuresText(results: StudyResults): string {
  // Only the figures: the results API adds the prompt list's page to the same object.
  const figures: Record<string, unknown> = { ...results, study: { ...results.study } };
  const study = figures.study as Record<string, unknown>;
  for (const key of ["generatedAt", "prompts"]) delete figures[key];
  for (const key of ["name", "status"]) delete study[key];
  return sortedJson(figures);
}

/**
 * Figures frozen before the anytime intervals existed (issue 22) have none: the current ones are compared
 * without them, so adding the intervals alone does not make every older frozen result read as changed.
 */
function withoutNewerFigures(frozen: StudyResults, current: StudyResults): StudyResults {
  if (frozen.sequential !== undefined || current.sequential === undefined) return current;
  const comparisons = (current.comparisons ?? []).map((c) => ({ ...c, anytime: undefined }));
  return { ...current, sequential: undefined, comparisons };
}

export function figuresDiffer(frozen: StudyResults, current: StudyResults): boolean {
  return figuresText(frozen) !== figuresText(withoutNewerFigures(frozen, current));
}
