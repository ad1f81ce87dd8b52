// Per-rater agreement with the majority of the OTHER raters on the same items.
// Excluding the rater's own vote keeps a lone dissenter from "agreeing with themselves". The database
// keeps each vote's flag by the same rule (prisma/sql/agreement.sql); tests/rule-twins.int.test.ts holds them equal.

export interface RaterLabel {
  rater: string;
  label: string;
}

export interface RaterAgreement {
  rater: string;
  /** Items where the rater's label matched the others' majority. */
  agreed: number;
  /** Items where the other raters had a clear majority to compare against. */
  compared: number;
  /** agreed / compared, or null when nothing could be compared. */
  rate: number | null;
}

function tally(labels: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return counts;
}

/** The most frequent label, or null when the top count is shared (no clear majority) or empty. */
export function pluralityLabel(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  let shared = false;
  for (const [label, count] of counts) {
    if (count > bestCount) {
      best = label;
      bestCount = count;
      shared = false;
    } else if (count === bestCount) {
      shared = true;
    }
  }
  return shared || bestCount === 0 ? null : best;
}

/**
 * For every rating, compares the rater's label with the plurality label of the other raters'
 * ratings of that item. "Majority" means plurality: the most common label among the others;
 * items where the others are split evenly at the top, or where nobody else rated, are skipped
 * rather than counted as disagreement. If a rater rated an item twice, all of their ratings are
 * excluded from "the others" for that item. Sorted by rater id for stable display.
 */
export function raterMajorityAgreement(items: readonly (readonly RaterLabel[])[]): RaterAgreement[] {
  const stats = new Map<string, { agreed: number; compared: number }>();
  for (const item of items) {
    for (const { rater, label } of item) {
      const entry = stats.get(rater) ?? { agreed: 0, compared: 0 };
      stats.set(rater, entry);
      const others = item.filter((r) => r.rater !== rater).map((r) => r.label);
      const majority = pluralityLabel(tally(others));
      if (majority === null) continue;
      entry.compared++;
      if (majority === label) entry.agreed++;
    }
  }
  return [...stats.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rater, s]) => ({ rater, ...s, rate: s.compared === 0 ? null : s.agreed / s.compared }));
}
