// Per-category and per-dataset breakdown of each comparison, when prompts carry those fields.
import { wilsonInterval } from "@/lib/stats/wilson";
import { tallyScore, tallyTotal, type Tally } from "@/lib/stats/tally";
import { addCounts, emptyTally, tallyJson } from "./comparisons";
import type { CategoryCountRow } from "./inputs";
import type { Orient } from "./orientation";
import type { CategoryJson } from "./types";

type Group = { field: CategoryJson["field"]; value: string; modelA: string; modelB: string; tally: Tally; prompts: number };

/** Each category (and dataset) row folded into its comparison's orientation; a pair is one prompt of its comparison. */
export function categoryRows(rows: readonly CategoryCountRow[], orient: Orient): CategoryJson[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const o = orient(row.modelA, row.modelB);
    const key = `${row.field}\u0000${row.value}\u0000${o.key}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { field: row.field, value: row.value, modelA: o.modelA, modelB: o.modelB, tally: emptyTally(), prompts: 0 }));
    addCounts(g.tally, row, o.flipped);
    g.prompts += row.pairs;
  }
  return [...groups.values()]
    .map((g) => {
      const total = tallyTotal(g.tally);
      return {
        field: g.field, value: g.value, modelA: g.modelA, modelB: g.modelB, tally: tallyJson(g.tally),
        winRate: total === 0 ? null : tallyScore(g.tally) / total,
        wilson: wilsonInterval(tallyScore(g.tally), total),
        prompts: g.prompts,
      };
    })
    .sort((x, y) => x.field.localeCompare(y.field) || x.value.localeCompare(y.value) || x.modelA.localeCompare(y.modelA) || x.modelB.localeCompare(y.modelB));
}
