// A study's criteria in the exports: each criterion's choice as a value, one vote seen through one
// criterion (AlpacaEval annotations and Arena battles carry one preference), and the criterion= parameter.
import type { CriterionChoice, ExportFormat, ExportVote } from "./types";

/** Formats with one preference per record, which take criterion=; CSV and JSONL carry every criterion. */
export const ONE_CRITERION_FORMATS: readonly ExportFormat[] = ["alpaca_eval", "battles"];

/** The winning model's name, "tie" or "both_bad" (null if the vote lacks the criterion). */
export function criterionOutcome(c: CriterionChoice): string | null {
  if (c.choice === "TIE") return "tie";
  if (c.choice === "BOTH_BAD") return "both_bad";
  return c.choice === null ? null : c.winner;
}

/** The vote with the criterion's choice as its own; null when the vote has none on it. */
export function onCriterion(v: ExportVote, key: string): ExportVote | null {
  const judged = v.criteria.find((c) => c.key === key);
  if (!judged?.choice) return null;
  return { ...v, choice: judged.choice, winner: judged.winner };
}

export type CriterionParam = { ok: true; criterion?: string } | { ok: false; code: "criterion_not_applicable" | "unknown_criterion"; message: string };

/**
 * The criterion an export reads its preference from: the one asked for, else the study's primary;
 * none for a study that asks one overall choice. A key the study lacks is refused, naming the keys.
 */
export function exportCriterion(format: ExportFormat, requested: string | undefined, keys: readonly string[]): CriterionParam {
  if (requested === undefined) return { ok: true, criterion: ONE_CRITERION_FORMATS.includes(format) ? keys[0] : undefined };
  if (!ONE_CRITERION_FORMATS.includes(format)) {
    return { ok: false, code: "criterion_not_applicable", message: "criterion= applies to format=alpaca_eval and format=battles only: csv and jsonl carry every criterion." };
  }
  if (keys.length === 0) return { ok: false, code: "unknown_criterion", message: "This study asks one overall choice and has no criteria: leave criterion= out." };
  if (!keys.includes(requested)) {
    return { ok: false, code: "unknown_criterion", message: `This study has no criterion "${requested}": choose one of ${keys.join(", ")} (${keys[0]} is the primary, the default).` };
  }
  return { ok: true, criterion: requested };
}
