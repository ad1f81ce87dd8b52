// Per-category and per-dataset breakdown of each comparison, when prompts carry those fields.
import { wilsonInterval } from "@/lib/stats/wilson";
import { tallyScore, tallyTotal, type Tally } from "@/lib/stats/tally";
import { addCounts, emptyTally, tallyJson } from "./comparisons";
import type { PairCountRow } from "./inputs";
import type { Orient } from "./orientation";
import type { CategoryJson } from "./types";

type Group = { field: CategoryJson["field"]; value: string; modelA: string; modelB: string; tally: Tally; prompts: Set<string> };

export function categoryRows(rows: readonly PairCountRow[], orient: Orient): CategoryJson[] {
  // field → value → comparison key → group: no key string built per row (100,000 rows in a large study).
  const groups = new Map<string, Map<string, Map<string, Group>>>();
  const all: Group[] = [];
  for (const row of rows) {
    const o = orient(row.modelA, row.modelB);
    for (const field of ["category", "dataset"] as const) {
      const value = row[field];
      if (value === null || value === "") continue;
      let byValue = groups.get(field);
      if (!byValue) groups.set(field, (byValue = new Map()));
      let byComparison = byValue.get(value);
      if (!byComparison) byValue.set(value, (byComparison = new Map()));
      let g = byComparison.get(o.key);
      if (!g) {
        g = { field, value, modelA: o.modelA, modelB: o.modelB, tally: emptyTally(), prompts: new Set() };
        byComparison.set(o.key, g);
        all.push(g);
      }
      addCounts(g.tally, row, o.flipped);
      g.prompts.add(row.promptId);
    }
  }
  return all
    .map((g) => {
      const total = tallyTotal(g.tally);
      return {
        field: g.field, value: g.value, modelA: g.modelA, modelB: g.modelB, tally: tallyJson(g.tally),
        winRate: total === 0 ? null : tallyScore(g.tally) / total,
        wilson: wilsonInterval(tallyScore(g.tally), total),
        prompts: g.prompts.size,
      };
    })
    .sort((x, y) => x.field.localeCompare(y.field) || x.value.localeCompare(y.value) || x.modelA.localeCompare(y.modelA));
}
