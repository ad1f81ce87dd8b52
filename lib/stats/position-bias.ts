// Position bias: do raters favour whichever answer is shown on the left?
// With randomised sides an unbiased panel picks "left" about half the time.

import { shareTest, type ShareTest } from "./share-test";

export interface PositionCounts {
  /** Decisive votes for the answer displayed on the left. */
  leftWins: number;
  /** Decisive votes for the answer displayed on the right. */
  rightWins: number;
}

/** Ties and "both bad" must be excluded by the caller: they carry no side. */
export function positionBias(counts: PositionCounts): ShareTest {
  return shareTest(counts.leftWins, counts.rightWins);
}
