// "How often does one side win among decisive votes?" with a Wilson interval and sign test.
// Shared by the position-bias and length-bias checks, which differ only in what "side" means.

import { binomialTest } from "./binomial";
import { assertCount, type Interval } from "./tally";
import { wilsonInterval, Z_95 } from "./wilson";

export interface ShareTest {
  /** hits / (hits + misses); null when there are no decisive votes. */
  share: number | null;
  /** hits + misses. */
  decisive: number;
  interval: Interval | null;
  /** Two-sided exact binomial test of the share against 1/2. */
  pValue: number;
}

/** Share of `hits` among `hits + misses`, tested against an unbiased 50%. */
export function shareTest(hits: number, misses: number, z: number = Z_95): ShareTest {
  assertCount(hits, "hits");
  assertCount(misses, "misses");
  const decisive = hits + misses;
  return {
    share: decisive === 0 ? null : hits / decisive,
    decisive,
    interval: wilsonInterval(hits, decisive, z),
    pValue: binomialTest(hits, decisive),
  };
}
