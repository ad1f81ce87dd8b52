// What the prompt list says in its Majority column: the winning model, a tie, no votes yet, or (a study that
// samples model pairs) why raters never got the pair.
import type { PromptListRow } from "@/lib/results/types";

export function majorityText(row: Pick<PromptListRow, "majority" | "modelA" | "modelB" | "held">): string {
  // A pair raters never get is not an unvoted one.
  if (row.held === "notDrawn") return "not drawn";
  if (row.held === "notOpened") return "not opened yet";
  if (row.majority === null) return "no votes";
  if (row.majority === "tie") return "tie";
  return row.majority === "A" ? row.modelA : row.modelB;
}
