// What the criteria's screen says about choices; only that screen (loaded on demand) imports it.
import type { VoteChoice } from "@/lib/rating/limits";

// On one criterion of several the question says what is better: the choice is named by side only.
const SHORT_LABELS: Record<VoteChoice, string> = { LEFT: "A", RIGHT: "B", TIE: "Tie", BOTH_BAD: "Both bad" };

export function shortChoiceLabel(choice: VoteChoice): string {
  return SHORT_LABELS[choice];
}

/** A vote on several criteria, as confirmed: "Overall: A, Helpful: B, Harmless: Tie". */
export function judgmentsText(criteria: { key: string; label: string }[], choices: Partial<Record<string, VoteChoice>>): string {
  return criteria.map((c) => `${c.label}: ${choices[c.key] ? shortChoiceLabel(choices[c.key]!) : "—"}`).join(", ");
}
