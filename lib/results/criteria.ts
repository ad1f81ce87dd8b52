// The figures of a study's criteria other than the primary (issue 20): per criterion every figure the
// primary choice has (headline, win rates, sign test, length control, agreement, biases, categories,
// Bradley–Terry), made by the same functions, then the criteria × model pairs table and how often the
// criteria disagree with the primary within one vote. Pure: no database.
import { wilsonInterval } from "@/lib/stats/wilson";
import { choiceFigures, type PrimaryContext } from "./choice-figures";
import { intervalText, percent } from "./format";
import type { CriterionAggregates, DisagreementCount, DisagreementCounts } from "./inputs";
import type { ComparisonJson, CriteriaCellJson, CriteriaJson, CriterionDefJson, CriterionFiguresJson, DisagreementJson } from "./types";

export type CriteriaInput = {
  /** The primary criterion (its figures are the study's own). */
  primary: CriterionDefJson;
  others: readonly CriterionAggregates[];
  disagreement: DisagreementCounts;
};

export type { PrimaryContext };

export function disagreementJson(count: DisagreementCount, what: string, primary: string): DisagreementJson {
  const rate = count.votes === 0 ? null : count.differ / count.votes;
  const wilson = wilsonInterval(count.differ, count.votes);
  const summary = count.votes === 0
    ? "No votes yet."
    : `${what} differed from ${primary} in ${count.differ} of ${count.votes} votes (${percent(rate)}; 95% CI ${intervalText(wilson)}).`;
  return { ...count, rate, wilson, summary };
}

function criterionFigures(a: CriterionAggregates, primary: CriterionDefJson, disagreement: DisagreementCount, ctx: PrimaryContext): CriterionFiguresJson {
  return {
    key: a.key, label: a.label, question: a.question,
    ...choiceFigures(a, ctx, `${ctx.seed}:${a.key}`),
    disagreement: disagreementJson(disagreement, a.label, primary.label),
  };
}

const pairKey = (c: { modelA: string; modelB: string }) => `${c.modelA}\u0000${c.modelB}`;

function cell(key: string, c: ComparisonJson | undefined): CriteriaCellJson {
  return { key, estimate: c?.winRate.estimate ?? null, wilson: c?.winRate.wilson ?? null, votes: c?.tally.total ?? 0 };
}

/** Rows: the primary's model pairs, then any only a criterion has; a cell without votes has none (estimate null). */
export function criteriaTable(primary: CriterionDefJson, primaryComparisons: readonly ComparisonJson[], others: readonly CriterionFiguresJson[]): CriteriaJson["table"] {
  const rows = new Map<string, { modelA: string; modelB: string }>();
  for (const c of [...primaryComparisons, ...others.flatMap((o) => o.comparisons)]) {
    if (!rows.has(pairKey(c))) rows.set(pairKey(c), { modelA: c.modelA, modelB: c.modelB });
  }
  const byCriterion = [
    { key: primary.key, comparisons: primaryComparisons },
    ...others.map((o) => ({ key: o.key, comparisons: o.comparisons })),
  ].map(({ key, comparisons }) => ({ key, byPair: new Map(comparisons.map((c) => [pairKey(c), c] as const)) }));
  return [...rows.entries()].map(([k, row]) => ({ ...row, cells: byCriterion.map((c) => cell(c.key, c.byPair.get(k))) }));
}

export function criteriaJson(input: CriteriaInput, ctx: PrimaryContext): CriteriaJson {
  const none: DisagreementCount = { votes: 0, differ: 0 };
  const others = input.others.map((a) => criterionFigures(a, input.primary, input.disagreement.byCriterion[a.key] ?? none, ctx));
  return {
    list: [input.primary, ...input.others.map((a) => ({ key: a.key, label: a.label, question: a.question }))],
    others,
    table: criteriaTable(input.primary, ctx.comparisons, others),
    disagreement: disagreementJson(input.disagreement.any, "At least one criterion", input.primary.label),
  };
}
