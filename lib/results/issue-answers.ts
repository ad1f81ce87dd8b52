// The issue rows folded into dense per-model arrays over the study's prompts, one set per issue, so
// pairing two models' answers to the same prompt is an index, not a lookup (studies have thousands of prompts).
import type { IssueRatingRow } from "./inputs";

export type IssueModel = { id: string; name: string };

/** One model's answers for one issue, by prompt index: ratings and marks (rated 0 = not rated). */
export type ModelMarks = { rated: Int32Array; marked: Int32Array };

/** For one issue: each prompt's category (by prompt index) and each listed model's marks. */
export type IssueAnswers = { categories: readonly (string | null)[]; byModel: ReadonlyMap<string, ModelMarks> };

function checkRow(row: IssueRatingRow): void {
  if (!Number.isInteger(row.rated) || row.rated < 0) throw new RangeError(`rated must be a non-negative integer, got ${row.rated}`);
  if (!Number.isInteger(row.marked) || row.marked < 0 || row.marked > row.rated) {
    throw new RangeError(`marked must be an integer in [0, rated], got ${row.marked} of ${row.rated}`);
  }
}

/** Prompt ids to dense indices (in order of appearance), with each prompt's category. */
function indexPrompts(rows: readonly IssueRatingRow[]): { index: Map<string, number>; categories: (string | null)[] } {
  const index = new Map<string, number>();
  const categories: (string | null)[] = [];
  for (const row of rows) {
    checkRow(row);
    if (index.has(row.promptId)) continue;
    index.set(row.promptId, categories.length);
    categories.push(row.category);
  }
  return { index, categories };
}

/** Per issue key, the marks of the listed models; rows for other issues or models are left out, repeated rows added up. */
export function groupIssueAnswers(rows: readonly IssueRatingRow[], issueKeys: readonly string[], modelIds: readonly string[]): Map<string, IssueAnswers> {
  const { index, categories } = indexPrompts(rows);
  const byIssue = new Map<string, Map<string, ModelMarks>>();
  for (const key of issueKeys) {
    byIssue.set(key, new Map(modelIds.map((id) => [id, { rated: new Int32Array(categories.length), marked: new Int32Array(categories.length) }])));
  }
  for (const row of rows) {
    const marks = byIssue.get(row.issueKey)?.get(row.modelId);
    if (!marks) continue;
    const i = index.get(row.promptId) as number;
    marks.rated[i] = (marks.rated[i] as number) + row.rated;
    marks.marked[i] = (marks.marked[i] as number) + row.marked;
  }
  return new Map([...byIssue].map(([key, byModel]) => [key, { categories, byModel }]));
}

/** A model's rated answers as (rated, marked) counts. */
export function ratedAnswers(marks: ModelMarks): { rated: number; marked: number }[] {
  const answers: { rated: number; marked: number }[] = [];
  marks.rated.forEach((rated, i) => rated > 0 && answers.push({ rated, marked: marks.marked[i] as number }));
  return answers;
}
