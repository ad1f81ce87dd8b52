// Markdown tables of the simulation's results: coverage (flagged when below nominal by more than three
// Monte-Carlo standard errors) and the votes each design needed.

import type { Coverage, ManyModelResult, TwoModelResult, VoteCount } from "./run";

export const NOMINAL = 0.95;

/** True when coverage falls short of nominal by more than 3 Monte-Carlo standard errors. */
export function underCovers(c: Coverage, nominal = NOMINAL): boolean {
  const se = Math.sqrt((nominal * (1 - nominal)) / c.total);
  return c.covered / c.total < nominal - 3 * se;
}

function pct(c: Coverage | undefined, flag = true): string {
  if (!c) return "–";
  const text = `${((100 * c.covered) / c.total).toFixed(1)}%`;
  return flag && underCovers(c) ? `**${text}**` : text;
}

const votes = (v: VoteCount) => `${Math.round(v.mean).toLocaleString("en")}${v.reached < 1 ? ` (${Math.round(100 * v.reached)}%)` : ""}`;
const saving = (base: VoteCount, other: VoteCount) => `${Math.round(100 * (1 - other.mean / base.mean))}%`;

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

const TWO_ROWS: [string, string][] = [
  ["cs majority, at the stop", "CS on prompt majorities, at the stop (both designs)"],
  ["cs majority, at every time", "CS on prompt majorities, at every time"],
  ["cs vote mean (uniform), at its stop", "CS on each prompt's mean vote (uniform), at its stop"],
  ["cs vote mean (uniform), at every time", "CS on each prompt's mean vote (uniform), at every time"],
  ["wilson uniform, at the stop", "Wilson, uniform, at the stop"],
  ["bootstrap uniform, at the stop", "Bootstrap, uniform, at the stop"],
  ["wilson adaptive, at the stop", "Wilson, adaptive, at the stop"],
  ["bootstrap adaptive, at the stop", "Bootstrap, adaptive, at the stop"],
  ["wilson uniform, planned size", "Wilson, uniform, planned size"],
  ["bootstrap uniform, planned size", "Bootstrap, uniform, planned size"],
  ["wilson adaptive, planned size", "Wilson, adaptive, planned size"],
  ["bootstrap adaptive, planned size", "Bootstrap, adaptive, planned size"],
];

export function twoModelTables(results: readonly TwoModelResult[]): string {
  const coverage = table(
    ["Interval (95%)", ...results.map((r) => r.scenario)],
    TWO_ROWS.map(([key, label]) => [label, ...results.map((r) => pct(r.coverage[key]))]),
  );
  const truth = (r: TwoModelResult) => `${r.truth.vote.toFixed(3)} / ${r.truth.majority.toFixed(3)}`;
  const cost = table(
    ["Scenario", "True rate: votes / majority", "Uniform, majority CS", "Adaptive, majority CS", "Saving", "Uniform, vote-mean CS", "Wrong verdicts (majority / vote mean)"],
    results.map((r) => [
      r.scenario, truth(r), votes(r.votes.uniform), votes(r.votes.adaptive), saving(r.votes.uniform, r.votes.adaptive), votes(r.votes.uniformVoteCs),
      `${(100 * r.wrong.majority).toFixed(1)}% / ${(100 * r.wrong.voteCs).toFixed(1)}%`,
    ]),
  );
  return `${coverage}\n\n${cost}`;
}

const MANY_COLUMNS: [string, string][] = [
  ["cs, at the stop", "CS at stop"],
  ["cs, at every time", "CS every time"],
  ["cs, all pairs at once at the stop", "CS all 10 pairs (not a 95% claim)"],
  ["wilson, at the stop", "Wilson at stop"],
  ["bootstrap, at the stop", "Bootstrap at stop"],
  ["bradley-terry, at the stop", "BT at stop"],
  ["wilson, at the budget", "Wilson at budget"],
  ["bootstrap, at the budget", "Bootstrap at budget"],
  ["bradley-terry, at the budget", "BT at budget"],
];

export function manyModelTables(results: readonly ManyModelResult[]): string {
  const coverage = table(
    ["Scenario", "Design", ...MANY_COLUMNS.map(([, label]) => label), "CS worst pair"],
    // Every pair at once is covered only with probability >= 1 - 10 alpha: reported, never flagged against 95%.
    results.map((r) => [r.scenario, r.design, ...MANY_COLUMNS.map(([key]) => pct(r.coverage[key], !key.includes("all pairs"))), pct(r.worstPairCs)]),
  );
  const base = (r: ManyModelResult) => results.find((u) => u.scenario === r.scenario && u.design === "uniform") as ManyModelResult;
  const cost = table(
    [
      "Scenario", "Design", "Votes to decide all", "Saving", "Votes to mean CS width", "Saving", "Best possible saving, mean width",
      "Votes to largest CS width", "Saving", "Best possible saving, largest width", "Votes to mean BT width", "Saving", "Wrong verdicts",
    ],
    results.map((r) => {
      const b = base(r).votes;
      const v = r.votes;
      // A design that stops once decided is not run on to reach a width: its width columns would measure the floor.
      const width = (x: VoteCount, y: VoteCount) => (r.design === "arena-decide" ? ["–", "–"] : [votes(y), saving(x, y)]);
      return [
        r.scenario, r.design,
        votes(v.decision), saving(b.decision, v.decision),
        ...width(b.meanWidth, v.meanWidth), share(1 - r.bound.meanWidth),
        ...width(b.maxWidth, v.maxWidth), share(1 - r.bound.maxWidth),
        ...width(b.btWidth, v.btWidth),
        `${(100 * r.wrong).toFixed(1)}%`,
      ];
    }),
  );
  return `${coverage}\n\n${cost}\n\n${allocationTable(results)}`;
}

const share = (x: number) => `${Math.round(100 * x)}%`;
const range = (xs: readonly number[], digits: number) =>
  `${Math.min(...xs).toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits })}–${Math.max(...xs).toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;

/**
 * Where the sampling designs put their votes by the budget, and what that allocation alone would save
 * against equal shares (first order) beside what the best allocation would. (Each vote's 1/q weight keeps
 * the Bradley–Terry target the equal-weight fit's, whatever the allocation.)
 */
function allocationTable(results: readonly ManyModelResult[]): string {
  const sampled = results.filter((r) => r.design === "arena" || r.design === "by-variance");
  return table(
    [
      "Scenario", "Vote variance per pair", "Design", "Votes per pair at the budget", "Its allocation's saving, mean / largest width",
      "Best possible saving, mean / largest width",
    ],
    sampled.map((r) => [
      r.scenario, range(r.variances, 3), r.design, range(r.votesPerPair, 0),
      `${share(1 - r.allocation.meanWidth)} / ${share(1 - r.allocation.maxWidth)}`,
      `${share(1 - r.bound.meanWidth)} / ${share(1 - r.bound.maxWidth)}`,
    ]),
  );
}
