// Agreement between two kinds of judges as MT-Bench defines it (Zheng et al. 2023, "Judging LLM-as-a-judge",
// §4.2): the probability that a randomly chosen judge of each kind agrees on a randomly chosen item, read,
// as FastChat's compute_agreement.py does, as agreeing judgments over all compared judgment pairs of the same
// item (a judge is never compared with itself). "w/ tie": a tie (either kind, "both bad" included) agrees only
// with a tie; "w/o tie": pairs where either judgment is a tie are left out. Pure.

/** One item's judgments by one kind of judge: wins of A, wins of B, ties (both bad included). */
export type OutcomeCounts = { a: number; b: number; tie: number };

export type AgreementCount = { agreed: number; compared: number; rate: number | null };
export type TieAgreement = { withTie: AgreementCount; withoutTie: AgreementCount };

const count = (agreed: number, compared: number): AgreementCount => ({ agreed, compared, rate: compared > 0 ? agreed / compared : null });
const choose2 = (n: number) => (n * (n - 1)) / 2;

function summed(parts: readonly [number, number, number, number][]): TieAgreement {
  let [agreed, compared, agreedNoTie, comparedNoTie] = [0, 0, 0, 0];
  for (const [a, c, an, cn] of parts) {
    agreed += a;
    compared += c;
    agreedNoTie += an;
    comparedNoTie += cn;
  }
  return { withTie: count(agreed, compared), withoutTie: count(agreedNoTie, comparedNoTie) };
}

/**
 * Two different kinds of judges on the same items (`n`: how many items share these counts): every judgment
 * of one kind is compared with every judgment of the other on the same item.
 */
export function crossAgreement(items: readonly { x: OutcomeCounts; y: OutcomeCounts; n?: number }[]): TieAgreement {
  return summed(items.map(({ x, y, n = 1 }) => {
    const decisive = x.a * y.a + x.b * y.b;
    return [n * (decisive + x.tie * y.tie), n * (x.a + x.b + x.tie) * (y.a + y.b + y.tie), n * decisive, n * (x.a + x.b) * (y.a + y.b)];
  }));
}

/** One kind of judges with itself: every two judgments of the same item by different judges. */
export function withinAgreement(items: readonly { x: OutcomeCounts; n?: number }[]): TieAgreement {
  return summed(items.map(({ x, n = 1 }) => {
    const decisive = choose2(x.a) + choose2(x.b);
    return [n * (decisive + choose2(x.tie)), n * choose2(x.a + x.b + x.tie), n * decisive, n * choose2(x.a + x.b)];
  }));
}
