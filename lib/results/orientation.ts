// Which model is "A" in a comparison: the leader, the model with more decisive wins (readers take
// the first-named model for the winner); in a dead heat or without votes, the order most of the
// comparison's pairs use (the study's canonical output A/B), alphabetical on a tie. Every figure,
// the categories and the judge tallies read the same way.

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

/**
 * The orientation `orient` with each comparison's leader over these count rows (more A-wins than
 * B-wins, each row standing for `pairs` pairs) as model A; a dead heat keeps `orient`'s order.
 */
export function leaderFirst(
  orient: Orient,
  rows: readonly { modelA: string; modelB: string; winsA: number; winsB: number; pairs: number }[],
): Orient {
  const margin = new Map<string, number>(); // the oriented A's wins minus B's
  for (const r of rows) {
    const o = orient(r.modelA, r.modelB);
    const d = (r.winsA - r.winsB) * r.pairs;
    margin.set(o.key, (margin.get(o.key) ?? 0) + (o.flipped ? -d : d));
  }
  const swapped = new Map<Oriented, Oriented>();
  return (a, b) => {
    const o = orient(a, b);
    if ((margin.get(o.key) ?? 0) >= 0) return o;
    let s = swapped.get(o);
    if (!s) swapped.set(o, (s = { key: o.key, modelA: o.modelB, modelB: o.modelA, flipped: !o.flipped }));
    return s;
  };
}

/**
 * The page's one model order: by Bradley-Terry score when there is a ranking, else leaders before
 * the models they beat (two models: the leader first), then models without votes alphabetically.
 */
export function modelOrder(models: readonly string[], comparisons: readonly { modelA: string; modelB: string }[], ranked?: readonly string[]): string[] {
  const order: string[] = [...(ranked ?? [])];
  for (const c of comparisons) for (const m of [c.modelA, c.modelB]) if (!order.includes(m)) order.push(m);
  return [...order.filter((m) => models.includes(m)), ...[...models].filter((m) => !order.includes(m)).sort()];
}
