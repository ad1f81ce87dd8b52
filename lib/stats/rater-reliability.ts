// Per-rater agreement without gold answers. Reference pairs of a rater's vote: at least two *other*
// raters voted on the pair and all chose the same outcome. A careful rater sides with them far more
// often than their own choice shares would by chance; a rater clicking at random does not. The test is
// one-sided and exact (a sum of binomials, one per consensus outcome), and flags are Holm-corrected
// across the raters tested, so a study with many raters does not flag careful ones by luck.
import { binomialLogPmf } from "./binomial";

export const OUTCOMES = ["A", "B", "TIE", "BOTH_BAD"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type OutcomeCounts = Record<Outcome, number>;

export interface RaterReferenceCounts {
  /** All of the rater's votes per outcome: their own choice shares. */
  votes: OutcomeCounts;
  /** The rater's votes on reference pairs, by the others' unanimous outcome. */
  reference: OutcomeCounts;
  /** Of those, how many matched the others. */
  agreed: number;
}

export interface AgreementTest {
  /** Reference votes. */
  n: number;
  agreed: number;
  /** Agreements a rater choosing at random with the same shares would expect. */
  expected: number;
  /** P(agreements >= agreed) for such a rater; 1 with no reference votes. */
  pValue: number;
}

const total = (c: OutcomeCounts) => OUTCOMES.reduce((sum, o) => sum + c[o], 0);

function binomialPmf(n: number, p: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) pmf[k] = Math.exp(binomialLogPmf(k, n, p));
  return pmf;
}

function convolve(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j]! += a[i]! * b[j]!;
  }
  return out;
}

/** One-sided exact test that the rater agrees with unanimous others more than chance. */
export function agreementAboveChance(r: RaterReferenceCounts): AgreementTest {
  const n = total(r.reference);
  if (r.agreed < 0 || r.agreed > n) throw new RangeError(`agreed must be in [0, ${n}], got ${r.agreed}`);
  const voted = total(r.votes);
  if (n === 0 || voted === 0) return { n, agreed: r.agreed, expected: 0, pValue: 1 };
  let pmf: Float64Array = Float64Array.of(1);
  let expected = 0;
  for (const o of OUTCOMES) {
    const share = r.votes[o] / voted;
    expected += r.reference[o] * share;
    if (r.reference[o] > 0) pmf = convolve(pmf, binomialPmf(r.reference[o], share));
  }
  let tail = 0;
  for (let k = r.agreed; k <= n; k++) tail += pmf[k]!;
  return { n, agreed: r.agreed, expected, pValue: Math.min(1, tail) };
}

/** Holm's step-down adjustment: adjusted p-values in the input's order. */
export function holmAdjust(pValues: readonly number[]): number[] {
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(pValues.length);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (pValues.length - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

export interface ReliabilityFlag extends AgreementTest {
  /** Holm-adjusted p-value among the raters tested; null when too few reference votes to test. */
  adjustedP: number | null;
  /** Tested, and agreement above chance could not be shown at alpha. */
  flagged: boolean;
}

/** Tests every rater with at least `minReference` reference votes; the others are reported, not flagged. */
export function reliabilityFlags(raters: readonly RaterReferenceCounts[], alpha = 0.01, minReference = 10): ReliabilityFlag[] {
  const tests = raters.map(agreementAboveChance);
  const tested = tests.map((t, i) => ({ t, i })).filter(({ t }) => t.n >= minReference);
  const adjusted = holmAdjust(tested.map(({ t }) => t.pValue));
  const byIndex = new Map(tested.map(({ i }, k) => [i, adjusted[k]!]));
  return tests.map((t, i) => {
    const adjustedP = byIndex.get(i) ?? null;
    return { ...t, adjustedP, flagged: adjustedP !== null && adjustedP >= alpha };
  });
}
