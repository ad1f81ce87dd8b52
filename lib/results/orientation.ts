// Which model is "A" in a comparison: the order most of the comparison's pairs use (the study's
// canonical output A/B), alphabetical on a tie, so every figure and the judge tally read the same way.

export type Oriented = Readonly<{ key: string; modelA: string; modelB: string; flipped: boolean }>;
export type Orient = (modelA: string, modelB: string) => Oriented;

export function comparisonKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Builds the orientation from the study's pairs: how many use each model order. */
export function orientationFrom(rows: readonly { modelA: string; modelB: string; pairs: number }[]): Orient {
  const ordered = new Map<string, number>();
  for (const r of rows) ordered.set(`${r.modelA}\u0000${r.modelB}`, (ordered.get(`${r.modelA}\u0000${r.modelB}`) ?? 0) + r.pairs);
  const first = new Map<string, [string, string]>();
  const choose = (a: string, b: string): [string, string] => {
    const key = comparisonKey(a, b);
    const known = first.get(key);
    if (known) return known;
    const ab = ordered.get(`${a}\u0000${b}`) ?? 0;
    const ba = ordered.get(`${b}\u0000${a}`) ?? 0;
    const pick: [string, string] = ab > ba || (ab === ba && a < b) ? [a, b] : [b, a];
    first.set(key, pick);
    return pick;
  };
  // Called for every pair row (100,000 in a large study) with a handful of distinct model pairs:
  // one answer object per ordered pair, looked up without building a key string each time.
  const answers = new Map<string, Map<string, Oriented>>();
  return (a, b) => {
    let byB = answers.get(a);
    if (!byB) answers.set(a, (byB = new Map()));
    let answer = byB.get(b);
    if (!answer) {
      const [modelA, modelB] = choose(a, b);
      answer = { key: comparisonKey(a, b), modelA, modelB, flipped: modelA !== a };
      byB.set(b, answer);
    }
    return answer;
  };
}
