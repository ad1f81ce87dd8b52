// Length bias: among decisive votes between answers of different length, how often the longer wins.
// Raters (and LLM judges) are known to reward verbosity, so a share well above 50% is a warning sign.

import { shareTest, type ShareTest } from "./share-test";
import { assertCount } from "./tally";

export interface LengthCounts {
  /** Decisive votes won by the longer answer. */
  longerWins: number;
  /** Decisive votes won by the shorter answer. */
  shorterWins: number;
}

/** Per answer-pair counts, as SQL can GROUP BY (prompt, answer A, answer B). */
export interface LengthPairCounts {
  lengthA: number;
  lengthB: number;
  winsA: number;
  winsB: number;
}

/** Folds per-pair counts into longer/shorter wins, skipping equal-length pairs (no "longer" side). */
export function lengthCounts(pairs: readonly LengthPairCounts[]): LengthCounts {
  let longerWins = 0;
  let shorterWins = 0;
  for (const pair of pairs) {
    assertCount(pair.winsA, "winsA");
    assertCount(pair.winsB, "winsB");
    if (pair.lengthA === pair.lengthB) continue;
    const aLonger = pair.lengthA > pair.lengthB;
    longerWins += aLonger ? pair.winsA : pair.winsB;
    shorterWins += aLonger ? pair.winsB : pair.winsA;
  }
  return { longerWins, shorterWins };
}

export function lengthBias(counts: LengthCounts): ShareTest {
  return shareTest(counts.longerWins, counts.shorterWins);
}
