// McNemar's exact test for paired yes/no outcomes, e.g. whether two models' answers to the same prompts
// carry an issue. Only the discordant pairs carry evidence; the concordant ones cancel out.

import { binomialTest } from "./binomial";
import { assertCount } from "./tally";

export interface McNemarTest {
  /** Pairs where only the first outcome is "yes". */
  b: number;
  /** Pairs where only the second outcome is "yes". */
  c: number;
  /** Discordant pairs, b + c: the test's sample size. */
  discordant: number;
  /** Two-sided exact p-value; 1 when there are no discordant pairs. */
  pValue: number;
}

/**
 * Exact (conditional) McNemar test: given b + c discordant pairs, b ~ Binomial(b + c, 1/2) under
 * the null, and p = min(1, 2 P(X <= min(b, c))). At 1/2 the binomial is symmetric, so this is the
 * two-sided exact sign test binomialTest already computes (as R's binom.test(b, b + c) does).
 */
export function mcnemarExact(b: number, c: number): McNemarTest {
  assertCount(b, "b");
  assertCount(c, "c");
  const discordant = b + c;
  // binomialTest rejects fractional counts.
  return { b, c, discordant, pValue: binomialTest(b, discordant, 0.5) };
}
