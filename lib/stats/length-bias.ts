// Length bias: among decisive votes between answers of different length, how often the longer wins.
// Raters (and LLM judges) are known to reward verbosity, so a share well above 50% is a warning sign.
// The counts come from SQL (lib/data/results/pair-counts.ts), which skips pairs of equal length.

import { shareTest, type ShareTest } from "./share-test";

export interface LengthCounts {
  /** Decisive votes won by the longer answer. */
  longerWins: number;
  /** Decisive votes won by the shorter answer. */
  shorterWins: number;
}

export function lengthBias(counts: LengthCounts): ShareTest {
  return shareTest(counts.longerWins, counts.shorterWins);
}
