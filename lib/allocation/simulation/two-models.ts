// One simulated two-model study: prompts in a fixed random order, k votes planned per prompt. The uniform
// design casts all k; the adaptive one stops a prompt once its majority is decided. Both see the same
// votes in the same order, so they reach the same majorities: the only difference is the votes spent.

import { bootstrapWinRate, type CountedPrompts } from "@/lib/stats/bootstrap";
import { createConfidenceSequence, csInterval, observe } from "@/lib/stats/confidence-sequence";
import type { Rng } from "@/lib/stats/rng";
import type { Interval, PromptCounts } from "@/lib/stats/tally";
import { wilsonInterval } from "@/lib/stats/wilson";
import { majorityScore, pairMajority } from "../majority-decided";
import { drawPrompt, drawVote, type World } from "./world";

export interface TwoModelPlan {
  prompts: number;
  k: number;
  alpha: number;
  /** Bootstrap resamples for the dashboard's prompt-clustered interval. */
  resamples: number;
}

/** What one design's dashboard would show at a moment: its intervals and the votes it cost. */
export interface TwoModelSnapshot {
  prompts: number;
  votes: number;
  /** Anytime-valid CS on the prompts' majorities (identical for both designs by construction). */
  cs: Interval;
  wilson: Interval | null;
  bootstrap: Interval | null;
}

export interface TwoModelStudy {
  /** At the stop: the first prompt count at which the majority CS excludes 1/2, or the planned size. */
  uniform: TwoModelSnapshot;
  adaptive: TwoModelSnapshot;
  stoppedDecided: boolean;
  /** Both designs at the planned size, no stopping. */
  uniformFull: TwoModelSnapshot;
  adaptiveFull: TwoModelSnapshot;
  /** The uniform design's CS on each prompt's mean vote (the vote-level rate): prompts and votes until it decides. */
  voteCs: { prompts: number; votes: number; cs: Interval; decided: boolean; full: Interval };
}

interface Design {
  tallies: PromptCounts[];
  votes: number;
}

function countVote(t: PromptCounts, score: number): void {
  if (score === 1) t.winsA++;
  else if (score === 0) t.winsB++;
  else t.ties++;
}

function snapshot(d: Design, prompts: number, cs: Interval, plan: TwoModelPlan, seed: number): TwoModelSnapshot {
  const used = d.tallies.slice(0, prompts);
  let score = 0;
  let votes = 0;
  for (const t of used) {
    score += t.winsA + 0.5 * t.ties;
    votes += t.winsA + t.winsB + t.ties;
  }
  const grouped: CountedPrompts[] = used;
  const boot = bootstrapWinRate(grouped, { seed, resamples: plan.resamples });
  return { prompts, votes, cs, wilson: wilsonInterval(score, votes), bootstrap: boot.interval };
}

const excludesHalf = (i: Interval) => i.low > 0.5 || i.high < 0.5;

export function simulateTwoModels(w: World, plan: TwoModelPlan, rng: Rng): TwoModelStudy {
  const uniform: Design = { tallies: [], votes: 0 };
  const adaptive: Design = { tallies: [], votes: 0 };
  const majority = createConfidenceSequence({ alpha: plan.alpha });
  const voteLevel = createConfidenceSequence({ alpha: plan.alpha });
  let stop: { prompts: number; cs: Interval } | null = null;
  let voteStop: { prompts: number; cs: Interval } | null = null;
  for (let p = 0; p < plan.prompts; p++) {
    const q = drawPrompt(w, rng);
    const d = (q[0] as number) - (q[1] as number);
    const all: PromptCounts = { winsA: 0, winsB: 0, ties: 0 };
    const early: PromptCounts = { winsA: 0, winsB: 0, ties: 0 };
    let sum = 0;
    for (let v = 0; v < plan.k; v++) {
      const score = drawVote(w, d, rng);
      sum += score;
      countVote(all, score);
      if (pairMajority(early, plan.k).status === "open") countVote(early, score);
    }
    uniform.tallies.push(all);
    adaptive.tallies.push(early);
    const outcome = pairMajority(early, plan.k).outcome;
    if (outcome === null) throw new Error("a closed prompt has a majority");
    observe(majority, majorityScore(outcome));
    observe(voteLevel, sum / plan.k);
    if (!stop && excludesHalf(csInterval(majority))) stop = { prompts: p + 1, cs: csInterval(majority) };
    if (!voteStop && excludesHalf(csInterval(voteLevel))) voteStop = { prompts: p + 1, cs: csInterval(voteLevel) };
  }
  const full = csInterval(majority);
  const at = stop ?? { prompts: plan.prompts, cs: full };
  const seed = Math.floor(rng() * 2 ** 32);
  const vs = voteStop ?? { prompts: plan.prompts, cs: csInterval(voteLevel) };
  return {
    uniform: snapshot(uniform, at.prompts, at.cs, plan, seed),
    adaptive: snapshot(adaptive, at.prompts, at.cs, plan, seed),
    stoppedDecided: stop !== null,
    uniformFull: snapshot(uniform, plan.prompts, full, plan, seed),
    adaptiveFull: snapshot(adaptive, plan.prompts, full, plan, seed),
    voteCs: { prompts: vs.prompts, votes: vs.prompts * plan.k, cs: vs.cs, decided: voteStop !== null, full: csInterval(voteLevel) },
  };
}
