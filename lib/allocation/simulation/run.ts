// Runs the seeded simulation and reduces it to coverage rates and vote counts per scenario and design.

import { mulberry32 } from "@/lib/stats/rng";
import type { Interval } from "@/lib/stats/tally";
import { allocationBound, allocationCost, type AllocationCost } from "./allocation-bound";
import { simulateManyModels, type DesignName, type ManyModelPlan, type ManyModelStop } from "./many-models";
import { manyModelTruth, twoModelTruth, type Scenario } from "./scenarios";
import { simulateTwoModels, type TwoModelPlan } from "./two-models";

/** Share of intervals containing the truth, and how many were checked (for the Monte-Carlo error). */
export interface Coverage {
  covered: number;
  total: number;
}

export interface VoteCount {
  /** Mean votes over studies (a study that never got there counts its budget). */
  mean: number;
  /** Share of studies that got there within the budget. */
  reached: number;
}

export interface TwoModelResult {
  scenario: string;
  truth: { vote: number; majority: number };
  coverage: Record<string, Coverage>;
  votes: { uniform: VoteCount; adaptive: VoteCount; uniformVoteCs: VoteCount; planned: number; adaptivePlanned: number };
  /** Share of studies whose decision points the wrong way (or, for a true tie, that decide at all). */
  wrong: { majority: number; voteCs: number };
}

export interface ManyModelResult {
  scenario: string;
  design: DesignName;
  coverage: Record<string, Coverage>;
  /** Per-pair coverage of the CS at the stop, the worst pair's. */
  worstPairCs: Coverage;
  votes: { decision: VoteCount; meanWidth: VoteCount; maxWidth: VoteCount; btWidth: VoteCount };
  wrong: number;
  /** The scenario's true vote variance per pair, and the least share of equal shares' votes any allocation needs. */
  variances: number[];
  bound: AllocationCost;
  /** Mean votes per pair by the end, and what that allocation would cost against equal shares (to first order). */
  votesPerPair: number[];
  allocation: AllocationCost;
}

const contains = (i: Interval | null, x: number) => i !== null && i.low <= x && x <= i.high;

function tally(coverage: Record<string, Coverage>, key: string, hit: boolean): void {
  const c = (coverage[key] ??= { covered: 0, total: 0 });
  c.total++;
  if (hit) c.covered++;
}

function voteCount(values: readonly (number | null)[], budget: number): VoteCount {
  let sum = 0;
  let reached = 0;
  for (const v of values) {
    sum += v ?? budget;
    if (v !== null) reached++;
  }
  return { mean: sum / values.length, reached: reached / values.length };
}

const wrongWay = (i: Interval, truth: number) => (Math.abs(truth - 0.5) < 1e-9 ? i.low > 0.5 || i.high < 0.5 : truth > 0.5 ? i.high < 0.5 : i.low > 0.5);

export function runTwoModels(scenario: Scenario, plan: TwoModelPlan, studies: number, seed: number): TwoModelResult {
  const truth = twoModelTruth(scenario.world, plan.k);
  const rng = mulberry32(seed);
  const coverage: Record<string, Coverage> = {};
  const stops = { uniform: [] as (number | null)[], adaptive: [] as (number | null)[], voteCs: [] as (number | null)[] };
  let adaptivePlanned = 0;
  const wrong = { majority: 0, voteCs: 0 };
  for (let s = 0; s < studies; s++) {
    const r = simulateTwoModels(scenario.world, plan, rng);
    tally(coverage, "cs majority, at the stop", contains(r.uniform.cs, truth.majority));
    tally(coverage, "cs majority, at every time", contains(r.uniformFull.cs, truth.majority));
    tally(coverage, "cs vote mean (uniform), at its stop", contains(r.voteCs.cs, truth.vote));
    tally(coverage, "cs vote mean (uniform), at every time", contains(r.voteCs.full, truth.vote));
    for (const [design, snap, full] of [["uniform", r.uniform, r.uniformFull], ["adaptive", r.adaptive, r.adaptiveFull]] as const) {
      tally(coverage, `wilson ${design}, at the stop`, contains(snap.wilson, truth.vote));
      tally(coverage, `bootstrap ${design}, at the stop`, contains(snap.bootstrap, truth.vote));
      tally(coverage, `wilson ${design}, planned size`, contains(full.wilson, truth.vote));
      tally(coverage, `bootstrap ${design}, planned size`, contains(full.bootstrap, truth.vote));
    }
    stops.uniform.push(r.stoppedDecided ? r.uniform.votes : null);
    stops.adaptive.push(r.stoppedDecided ? r.adaptive.votes : null);
    stops.voteCs.push(r.voteCs.decided ? r.voteCs.votes : null);
    adaptivePlanned += r.adaptiveFull.votes / studies;
    if (r.stoppedDecided && wrongWay(r.uniform.cs, truth.majority)) wrong.majority++;
    if (r.voteCs.decided && wrongWay(r.voteCs.cs, truth.vote)) wrong.voteCs++;
  }
  const planned = plan.prompts * plan.k;
  // A study that never decided spends its whole plan: the adaptive one its (smaller) planned total.
  const adaptive = voteCount(stops.adaptive, planned);
  const adaptiveStops = stops.adaptive.filter((v): v is number => v !== null);
  const undecided = studies - adaptiveStops.length;
  adaptive.mean = (adaptiveStops.reduce((a, b) => a + b, 0) + undecided * adaptivePlanned) / studies;
  return {
    scenario: scenario.name,
    truth,
    coverage,
    votes: { uniform: voteCount(stops.uniform, planned), adaptive, uniformVoteCs: voteCount(stops.voteCs, planned), planned, adaptivePlanned },
    wrong: { majority: wrong.majority / studies, voteCs: wrong.voteCs / studies },
  };
}

function coverStop(coverage: Record<string, Coverage>, at: string, stop: ManyModelStop, truth: ReturnType<typeof manyModelTruth>): void {
  truth.rates.forEach((rate, k) => {
    tally(coverage, `cs, ${at}`, contains(stop.cs[k] ?? null, rate));
    tally(coverage, `wilson, ${at}`, contains(stop.wilson[k] ?? null, rate));
    tally(coverage, `bootstrap, ${at}`, contains(stop.bootstrap[k] ?? null, rate));
  });
  truth.scores.forEach((score, i) => {
    const bt = stop.bt[i];
    tally(coverage, `bradley-terry, ${at}`, bt !== undefined && bt.low <= score && score <= bt.high);
  });
}

export function runManyModels(scenario: Scenario, design: DesignName, plan: ManyModelPlan, studies: number, seed: number): ManyModelResult {
  const truth = manyModelTruth(scenario.world);
  const rng = mulberry32(seed);
  const coverage: Record<string, Coverage> = {};
  const perPair = truth.rates.map(() => 0);
  const reach = { decision: [] as (number | null)[], meanWidth: [] as (number | null)[], maxWidth: [] as (number | null)[], btWidth: [] as (number | null)[] };
  const votesPerPair = truth.rates.map(() => 0);
  let wrong = 0;
  for (let s = 0; s < studies; s++) {
    const r = simulateManyModels(scenario.world, design, plan, rng);
    coverStop(coverage, "at the stop", r.stop, truth);
    if (design !== "arena-decide") {
      coverStop(coverage, "at the budget", r.full, truth);
    }
    truth.rates.forEach((rate, k) => {
      tally(coverage, "cs, at every time", contains(r.csEnd[k] ?? null, rate));
      if (contains(r.stop.cs[k] ?? null, rate)) perPair[k] = (perPair[k] ?? 0) + 1;
    });
    tally(coverage, "cs, all pairs at once at the stop", truth.rates.every((rate, k) => contains(r.stop.cs[k] ?? null, rate)));
    reach.decision.push(r.stop.decided ? r.stop.votes : null);
    reach.meanWidth.push(r.reach.meanWidth);
    reach.maxWidth.push(r.reach.maxWidth);
    reach.btWidth.push(r.reach.btWidth);
    r.votesPerPair.forEach((n, k) => (votesPerPair[k] = (votesPerPair[k] as number) + n / studies));
    if (r.stop.decided && truth.rates.some((rate, k) => wrongWay(r.stop.cs[k] as Interval, rate))) wrong++;
  }
  return {
    scenario: scenario.name,
    design,
    coverage,
    worstPairCs: { covered: Math.min(...perPair), total: studies },
    votes: {
      decision: voteCount(reach.decision, plan.budget),
      meanWidth: voteCount(reach.meanWidth, plan.budget),
      maxWidth: voteCount(reach.maxWidth, plan.budget),
      btWidth: voteCount(reach.btWidth, plan.budget),
    },
    wrong: wrong / studies,
    variances: truth.variances,
    bound: allocationBound(truth.variances),
    votesPerPair,
    allocation: allocationCost(truth.variances, votesPerPair),
  };
}
