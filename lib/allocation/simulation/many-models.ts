// One simulated study of 3+ models. Prompts come in a fixed random order; each opens with an inclusion
// probability per model pair (fixed from earlier votes only) and each included pair gets one vote.
// Every model pair keeps a confidence sequence over the prompts it was drawn on (pair-sequence.ts).

import { bradleyTerryBootstrap, type PromptVotes, type ScoreInterval } from "@/lib/stats/bradley-terry-bootstrap";
import { bootstrapWinRate } from "@/lib/stats/bootstrap";
import { csInterval } from "@/lib/stats/confidence-sequence";
import type { Rng } from "@/lib/stats/rng";
import { tallyTotal, type Interval, type Tally } from "@/lib/stats/tally";
import { wilsonInterval } from "@/lib/stats/wilson";
import { addPrompt, createPairSequence, type PairSequence } from "@/lib/stats/pair-sequence";
import { pairProbabilities, SAMPLING_RULES, type ModelPairVotes } from "../pair-sampling";
import { btMeanWidth } from "./bt-width";
import { drawPrompt, drawVote, type World } from "./world";

export type DesignName = "uniform" | "uniform-random" | "arena" | "arena-decide" | "by-variance";

export interface ManyModelPlan {
  budget: number;
  alpha: number;
  /** Expected votes per prompt for the random designs (uniform puts every pair of every prompt to raters). */
  votesPerPrompt: number;
  floor: number;
  /** Win-rate CS widths (mean over pairs, and largest) and BT score widths whose reaching is timed. */
  meanWidth: number;
  maxWidth: number;
  btWidth: number;
  /** Bootstrap resamples: the win-rate bootstrap is cheap (1,000 as on the dashboard); each BT resample is a fit. */
  resamples: number;
  btResamples: number;
  /** Votes between precision checkpoints. */
  checkEvery: number;
}

export interface ManyModelStop {
  votes: number;
  decided: boolean;
  cs: Interval[];
  wilson: (Interval | null)[];
  bootstrap: (Interval | null)[];
  bt: ScoreInterval[];
}

export interface ManyModelStudy {
  /** When every pair's CS first excludes 1/2, or the budget. */
  stop: ManyModelStop;
  /** At the budget, no stopping. */
  full: ManyModelStop;
  /** Each pair's CS at the end: the running intersection, so it excludes the truth iff some time's did. */
  csEnd: Interval[];
  /** Votes until the mean / largest win-rate CS width and the mean BT width first fall to the plan's targets; null if never. */
  reach: { meanWidth: number | null; maxWidth: number | null; btWidth: number | null };
  /** Votes each model pair got by the end (the budget, or the stop for arena-decide): where the design put them. */
  votesPerPair: number[];
}

export function modelPairs(models: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < models; i++) for (let j = i + 1; j < models; j++) pairs.push([i, j]);
  return pairs;
}

function probabilitiesFor(design: DesignName, tallies: ModelPairVotes[], seqs: PairSequence[], plan: ManyModelPlan): number[] {
  if (design === "uniform") return tallies.map(() => 1);
  if (design === "uniform-random") return tallies.map(() => plan.votesPerPrompt / tallies.length);
  // Updated in place: copying each tally into a new object per prompt cost more than the rule itself.
  tallies.forEach((t, i) => (t.decided = isDecided(seqs[i] as PairSequence)));
  // arena-decide and by-variance are the app's ARENA and VARIANCE rules (the latter shares by each pair's
  // vote variance, the allocation that needs the fewest votes for a given largest width, allocation-bound.ts,
  // flattened by the floor); arena is Arena's rule as published.
  const rule = design === "by-variance" ? SAMPLING_RULES.VARIANCE : design === "arena-decide" ? SAMPLING_RULES.ARENA : { rule: "arena" as const };
  return pairProbabilities(tallies, { votesPerPrompt: plan.votesPerPrompt, floor: plan.floor, ...rule });
}

/**
 * The study's prompts so far, by what their votes were: per model pair "-" (not sampled), or "a", "b" or
 * "t" and the vote's weight, for the Bradley–Terry bootstrap, which resamples prompts as the dashboard's does.
 */
type PromptTally = Map<string, PromptVotes>;

/** `weights`: each pair's weight on this prompt, the inverse of its inclusion probability, as the dashboard's ranking counts a vote. */
function addPromptVotes(prompts: PromptTally, scores: (number | null)[], weights: number[], pairs: [number, number][]): void {
  const key = scores.map((s, k) => (s === null ? "-" : `${s === 1 ? "a" : s === 0 ? "b" : "t"}${weights[k]}`)).join(" ");
  const seen = prompts.get(key);
  if (seen) seen.count = (seen.count ?? 1) + 1;
  else {
    const votes = scores.flatMap((s, k) => {
      if (s === null) return [];
      const w = weights[k] as number;
      return [{ a: `m${pairs[k]![0]}`, b: `m${pairs[k]![1]}`, winsA: s === 1 ? w : 0, winsB: s === 0 ? w : 0, ties: s === 0.5 ? w : 0 }];
    });
    if (votes.length > 0) prompts.set(key, { pairs: votes, count: 1 });
  }
}

function snapshot(tallies: Tally[], seqs: PairSequence[], prompts: PromptTally, votes: number, decided: boolean, plan: ManyModelPlan, seed: number): ManyModelStop {
  const bt = bradleyTerryBootstrap([...prompts.values()], { seed, resamples: plan.btResamples, pseudoTies: 0 });
  return {
    votes,
    decided,
    cs: seqs.map((s) => csInterval(s.cs)),
    wilson: tallies.map((t) => wilsonInterval(t.winsA + 0.5 * t.ties, t.winsA + t.winsB + t.ties)),
    // One vote per pair and prompt: the prompt-clustered bootstrap resamples single votes.
    bootstrap: tallies.map((t) => bootstrapWinRate([{ winsA: 1, winsB: 0, ties: 0, count: t.winsA }, { winsA: 0, winsB: 1, ties: 0, count: t.winsB }, { winsA: 0, winsB: 0, ties: 1, count: t.ties }], { seed, resamples: plan.resamples }).interval),
    bt: bt.intervals,
  };
}

/** Read from the running bounds directly: this runs after every prompt of every study. */
const isDecided = (s: PairSequence) => s.cs.low > 0.5 || s.cs.high < 0.5;

function widths(seqs: PairSequence[]): { mean: number; max: number } {
  let sum = 0;
  let max = 0;
  for (const s of seqs) {
    const width = Math.max(0, s.cs.high - s.cs.low);
    sum += width;
    max = Math.max(max, width);
  }
  return { mean: sum / seqs.length, max };
}

export function simulateManyModels(w: World, design: DesignName, plan: ManyModelPlan, rng: Rng): ManyModelStudy {
  const m = w.strengths.length;
  const pairs = modelPairs(m);
  const tallies: ModelPairVotes[] = pairs.map(() => ({ winsA: 0, winsB: 0, ties: 0, bothBad: 0, decided: false }));
  const seqs = pairs.map(() => createPairSequence({ alpha: plan.alpha }));
  const prompts: PromptTally = new Map();
  // Each vote counted by its weight 1/q, as the dashboard's ranking does, and per pair the sum of the squared
  // weights, for the BT width's sandwich variance.
  const points = new Float64Array(m * m);
  const squaredWeights = new Float64Array(m * m);
  const seed = Math.floor(rng() * 2 ** 32);
  const reach: ManyModelStudy["reach"] = { meanWidth: null, maxWidth: null, btWidth: null };
  let stop: ManyModelStop | null = null;
  let votes = 0;
  let nextCheck = plan.checkEvery;
  let strengths: Float64Array | undefined;
  while (votes < plan.budget) {
    const q = probabilitiesFor(design, tallies, seqs, plan);
    const quality = drawPrompt(w, rng);
    const scores: (number | null)[] = [];
    const weights: number[] = [];
    pairs.forEach(([i, j], k) => {
      const p = q[k] as number;
      const weight = p >= 1 ? 1 : 1 / p;
      let score: number | null = null;
      if (p >= 1 || rng() < p) {
        score = drawVote(w, (quality[i] as number) - (quality[j] as number), rng);
        votes++;
        const t = tallies[k] as Tally;
        if (score === 1) t.winsA++;
        else if (score === 0) t.winsB++;
        else t.ties++;
        points[i * m + j] = (points[i * m + j] as number) + weight * score;
        points[j * m + i] = (points[j * m + i] as number) + weight * (1 - score);
        squaredWeights[i * m + j] = (squaredWeights[i * m + j] as number) + weight * weight;
      }
      addPrompt(seqs[k] as PairSequence, { probability: p, score });
      scores.push(score);
      weights.push(weight);
    });
    addPromptVotes(prompts, scores, weights, pairs);
    const wd = widths(seqs);
    if (reach.meanWidth === null && wd.mean <= plan.meanWidth) reach.meanWidth = votes;
    if (reach.maxWidth === null && wd.max <= plan.maxWidth) reach.maxWidth = votes;
    if (reach.btWidth === null && votes >= nextCheck) {
      nextCheck += plan.checkEvery;
      const bt = btMeanWidth(points, m, strengths, squaredWeights);
      if (bt) {
        strengths = bt.strengths;
        if (bt.width <= plan.btWidth) reach.btWidth = votes;
      }
    }
    if (!stop && seqs.every(isDecided)) {
      stop = snapshot(tallies, seqs, prompts, votes, true, plan, seed);
      // Dropping decided pairs to the floor only makes sense for a study that stops: nothing after it is measured.
      if (design === "arena-decide") return { stop, full: stop, csEnd: stop.cs, reach, votesPerPair: tallies.map(tallyTotal) };
    }
  }
  const full = snapshot(tallies, seqs, prompts, votes, stop !== null, plan, seed);
  return { stop: stop ?? full, full, csEnd: full.cs, reach, votesPerPair: tallies.map(tallyTotal) };
}
