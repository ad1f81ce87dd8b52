// The new-study form's criteria as the admin types them: a box of "Label: question" lines, with the
// overall choice put first when asked. Pure and client-safe: the form and its unit test share it.
import { EXAMPLE_CRITERIA, MAX_CRITERIA, OVERALL_CRITERION } from "@/lib/validation/criteria";

/** The text box's first contents: one "Label: question" line per example criterion. */
export const EXAMPLE_CRITERIA_TEXT = EXAMPLE_CRITERIA.map((c) => `${c.label}: ${c.question}`).join("\n");

/** The form's three controls: "Judge each pair on several criteria", "Ask an overall choice first", the list. */
export type CriteriaInput = { asked: boolean; overall: boolean; text: string };

const linesOf = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);
const labelOf = (line: string) => (line.includes(":") ? line.slice(0, line.indexOf(":")) : line).trim().toLowerCase();

/**
 * What the form sends as `criteria` (criteriaSchema reads it): nothing when not asked; else the lines,
 * after the overall choice's own line when it is asked (its label's key is OVERALL_CRITERION.key).
 */
export function criteriaValue({ asked, overall, text }: CriteriaInput): string {
  if (!asked) return "";
  const lines = linesOf(text);
  return (overall ? [`${OVERALL_CRITERION.label}: ${OVERALL_CRITERION.question}`, ...lines] : lines).join("\n");
}

/** What the schema cannot say, since it sees one list and not the two boxes; null when nothing is wrong. */
export function criteriaProblem({ asked, overall, text }: CriteriaInput): string | null {
  if (!asked) return null;
  const labels = linesOf(text).map(labelOf);
  if (labels.length === 0) return "List at least one criterion, or untick the box above.";
  if (overall && labels.includes(OVERALL_CRITERION.label.toLowerCase())) {
    return `“${OVERALL_CRITERION.label}” is asked first already: remove its line, or untick “Ask an overall choice first”.`;
  }
  const total = labels.length + (overall ? 1 : 0);
  if (total > MAX_CRITERIA) return `At most ${MAX_CRITERIA} criteria${overall ? ", the overall choice included" : ""}: this list has ${total}.`;
  return null;
}
