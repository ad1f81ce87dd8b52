// Head-to-head win rate of model A over model B from aggregated vote counts.
// Also builds the AlpacaEval-style headline sentence shown above each comparison.

import { binomialTest, verdict } from "./binomial";
import { assertTally, tallyScore, tallyTotal, type Interval, type Tally } from "./tally";
import { wilsonInterval, Z_95 } from "./wilson";

export interface WinRateSummary {
  /** Every vote, including ties and "both bad". */
  total: number;
  /** Votes that picked a side (winsA + winsB); the sign test's n. */
  decisive: number;
  /** A's win rate with ties and "both bad" counted as half; null with no votes. */
  winRate: number | null;
  /** Wilson interval around winRate; null with no votes. */
  interval: Interval | null;
  /** Two-sided sign test of winsA against winsB; non-decisive votes carry no direction. */
  signTestP: number;
  verdict: string;
}

/**
 * A's win rate, ties and "both bad" each worth half. "Both bad" is treated as a draw
 * (as AlpacaEval does) because it says nothing about which answer is better; it is
 * reported separately in the headline so raters' frustration stays visible.
 */
export function winRate(t: Tally): number | null {
  assertTally(t);
  const total = tallyTotal(t);
  return total === 0 ? null : tallyScore(t) / total;
}

export function summarizeWinRate(t: Tally, z: number = Z_95): WinRateSummary {
  assertTally(t);
  const total = tallyTotal(t);
  const decisive = t.winsA + t.winsB;
  const signTestP = binomialTest(t.winsA, decisive);
  return {
    total,
    decisive,
    winRate: total === 0 ? null : tallyScore(t) / total,
    interval: wilsonInterval(tallyScore(t), total, z),
    signTestP,
    verdict: verdict(signTestP),
  };
}

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The comparison's leader: the model with more decisive wins; null in a dead heat (equal wins, so equal win rates). */
export function leader(t: Tally): "A" | "B" | null {
  return t.winsA === t.winsB ? null : t.winsA > t.winsB ? "A" : "B";
}

/**
 * e.g. "alpaca-7b wins 90 versus 89 comparisons against text-davinci-003 (with 12 ties and 3 both bad)".
 * The subject is always the leader (readers take it for the winner), whichever order the models come
 * in; equal wins read "Dead heat: …". The parenthesis lists only non-zero extras ("with 0 ties" is noise).
 */
export function headline(modelA: string, modelB: string, t: Tally): string {
  assertTally(t);
  const extras: string[] = [];
  if (t.ties > 0) extras.push(plural(t.ties, "tie", "ties"));
  if (t.bothBad > 0) extras.push(`${t.bothBad} both bad`);
  const suffix = extras.length > 0 ? ` (with ${extras.join(" and ")})` : "";
  const noun = t.winsA + t.winsB === 1 ? "comparison" : "comparisons";
  if (leader(t) === "B") return `${modelB} wins ${t.winsB} versus ${t.winsA} ${noun} against ${modelA}${suffix}`;
  const sentence = `${modelA} wins ${t.winsA} versus ${t.winsB} ${noun} against ${modelB}${suffix}`;
  return leader(t) === null ? `Dead heat: ${sentence}` : sentence;
}
