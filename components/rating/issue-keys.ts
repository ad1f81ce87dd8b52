// Keys that tick issues: Shift with the digit row, by physical key (KeyboardEvent.code, so any layout
// works). A's issues on the left half (⇧1–⇧5) as A is on the left; B's on the right half (⇧6–⇧0).
// Unshifted digits stay the vote keys; issues past the fifth are ticked by click or tap only.
import type { Side } from "./use-pair-readiness";

export const ISSUE_KEYS_PER_SIDE = 5;

const FIRST_DIGIT: Record<Side, number> = { A: 1, B: 6 };

export type IssueShortcut = { code: string; label: string; aria: string };

/** The key that toggles the `index`-th issue (0-based) on `side`, or null when it has none. */
export function issueShortcut(side: Side, index: number): IssueShortcut | null {
  if (!Number.isInteger(index) || index < 0 || index >= ISSUE_KEYS_PER_SIDE) return null;
  const digit = (FIRST_DIGIT[side] + index) % 10;
  return { code: `Digit${digit}`, label: `⇧${digit}`, aria: `Shift+${digit}` };
}

/** Which issue a Shift+digit press (its `code`) toggles, among `count` issues; null for none. */
export function issueAtKey(code: string, count: number): { side: Side; index: number } | null {
  const match = /^Digit([0-9])$/.exec(code);
  if (!match) return null;
  const digit = Number(match[1]);
  for (const side of ["A", "B"] as Side[]) {
    const index = (digit - FIRST_DIGIT[side] + 10) % 10;
    if (index < ISSUE_KEYS_PER_SIDE) return index < count ? { side, index } : null;
  }
  return null;
}
