// What the rating page says about choices and progress, in one place for the screen and its live region.
import type { Progress, RatingOptions, ServedConversation } from "@/lib/rating/types";
import type { VoteChoice } from "@/lib/rating/limits";

const CHOICE_LABELS: Record<VoteChoice, string> = {
  LEFT: "A is better",
  RIGHT: "B is better",
  TIE: "Tie",
  BOTH_BAD: "Both are bad",
};

export function choiceLabel(choice: VoteChoice): string {
  return CHOICE_LABELS[choice];
}

export type OfferedChoice = { choice: VoteChoice; label: string; key: string };

/** The choices the study offers, each with its vote key (1 A, 2 B, 3 tie, 4 both bad). */
export function choicesFor(options: Pick<RatingOptions, "allowTie" | "allowBothBad">): OfferedChoice[] {
  const all: (OfferedChoice & { offered: boolean })[] = [
    { choice: "LEFT", label: choiceLabel("LEFT"), key: "1", offered: true },
    { choice: "RIGHT", label: choiceLabel("RIGHT"), key: "2", offered: true },
    { choice: "TIE", label: choiceLabel("TIE"), key: "3", offered: options.allowTie },
    { choice: "BOTH_BAD", label: choiceLabel("BOTH_BAD"), key: "4", offered: options.allowBothBad },
  ];
  return all.filter((c) => c.offered).map(({ choice, label, key }) => ({ choice, label, key }));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The pair on screen, as the rater counts: "Pair 10 of 30" with a quota, else "Pair 10, about 20 pairs left". */
export function pairLabel(progress: Progress, separator = ", "): string {
  const current = progress.judgedByYou + 1;
  if (progress.yourQuota !== null) return `Pair ${Math.min(current, progress.yourQuota)} of ${progress.yourQuota}`;
  return `Pair ${current}${separator}about ${plural(progress.leftForYou, "pair", "pairs")} left`;
}

/** Said when a pair is shown: "Now on pair 10 of 30." (and, in a conversation, "Judge the answers to turn 2 of 2."). */
export function pairAnnouncement(progress: Progress, conversation?: ServedConversation): string {
  const label = pairLabel(progress);
  return `Now on p${label.slice(1)}.${conversation ? ` ${judgedTurnLabel(conversation)}.` : ""}`;
}

/** What is judged in a conversation: "Judge the answers to turn 2 of 2", "Judge the whole conversation (3 turns)". */
export function judgedTurnLabel({ turn, turns, whole }: Pick<ServedConversation, "turn" | "turns" | "whole">): string {
  if (turns === 1) return "Judge the answers";
  return whole ? `Judge the whole conversation (${turns} turns)` : `Judge the answers to turn ${turn} of ${turns}`;
}

/** "about 12 minutes left" from the rater's own median time per pair; null before their first vote. */
export function timeLeft(progress: Progress): string | null {
  if (progress.yourMedianMs === null || progress.leftForYou <= 0) return null;
  const minutes = Math.ceil((progress.yourMedianMs * progress.leftForYou) / 60_000);
  if (minutes <= 1) return "about a minute left";
  if (minutes < 90) return `about ${minutes} minutes left`;
  return `about ${plural(Math.round(minutes / 60), "hour", "hours")} left`;
}

export function judgedLabel(judged: number): string {
  return `${plural(judged, "pair", "pairs")} judged`;
}
