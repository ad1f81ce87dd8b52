// Per comparison, the length-controlled win rate of the model named first (lib/stats/length-control.ts)
// beside its raw win rate, with the sentence the dashboard shows.
import { lengthControlledWinRate, MIN_PROMPTS, type LengthControl, type LengthPrompt } from "@/lib/stats/length-control";
import { intervalText, percent } from "./format";
import type { LengthPatternRow } from "./inputs";
import type { Orient } from "./orientation";
import type { LengthControlJson } from "./types";

export const LENGTH_CONTROL_METHOD =
  "The minimal two-term form of AlpacaEval 2's length control: a logistic regression of each vote (ties and both bad as half) " +
  "on an intercept and tanh of the length difference in characters divided by its standard deviation, read at equal length; " +
  "AlpacaEval's instruction-difficulty term is left out, as it needs many models' answers per instruction. " +
  "95% interval: bootstrap resampling prompts.";

/** The length rows per comparison key, oriented like the comparison (a flipped row: A and B swap, the difference changes sign). */
export function groupLengthPrompts(rows: readonly LengthPatternRow[], orient: Orient): Map<string, LengthPrompt[]> {
  const byKey = new Map<string, LengthPrompt[]>();
  for (const row of rows) {
    const o = orient(row.modelA, row.modelB);
    let prompts = byKey.get(o.key);
    if (!prompts) byKey.set(o.key, (prompts = []));
    prompts.push({
      lengthDiff: o.flipped ? -row.lengthDiff : row.lengthDiff,
      winsA: o.flipped ? row.winsB : row.winsA,
      winsB: o.flipped ? row.winsA : row.winsB,
      ties: row.ties,
      bothBad: row.bothBad,
      count: row.pairs,
    });
  }
  return byKey;
}

/** How much of the raw rate's distance from 50% length accounts for, in words. */
function explainedText(explained: number | null): string {
  if (explained === null) return "the raw rate is at 50%, so there is no lead for length to explain";
  if (explained > 1.05) return "length explains all of its distance from 50% and more: at equal length the order reverses";
  if (explained >= 0.95) return "length explains nearly all of its distance from 50%";
  if (explained >= 0.05) return `length explains about ${Math.round(explained * 100)}% of its distance from 50%`;
  if (explained > -0.05) return "length explains almost none of its distance from 50%";
  return "length works against it: at equal length it is further from 50%";
}

/** Beyond this share of prompts with one model's answer the longer, equal length is at the edge of the data. */
const EDGE_SHARE = 0.9;

/** A warning when nearly every prompt has the same model's answer longer: the equal-length rate is then an extrapolation. */
function edgeText(modelA: string, modelB: string, longerShareA: number): string {
  const [who, share] = longerShareA >= 1 - longerShareA ? [modelA, longerShareA] : [modelB, 1 - longerShareA];
  if (share < EDGE_SHARE) return "";
  return (
    ` ${who}'s answer is the longer one on ${percent(share, 0)} of the prompts whose answers differ in length, so equal length lies ` +
    "at the edge of the data and this rate is an extrapolation: read it with its interval."
  );
}

function summary(modelA: string, modelB: string, r: LengthControl): string {
  if (r.ok) {
    return (
      `Controlled for answer length, ${modelA}'s win rate is ${percent(r.estimate)} (95% CI ${intervalText(r.interval)}) ` +
      `against ${percent(r.raw)} raw; ${explainedText(r.explained)}.${edgeText(modelA, modelB, r.longerShareA)}`
    );
  }
  if (r.reason === "no-length-variation") {
    return "Not computed: every prompt has the same length difference between the two answers, so length cannot be told apart from the models.";
  }
  return `Not computed: the length-controlled win rate needs ${MIN_PROMPTS} voted prompts; this comparison has ${r.prompts}.`;
}

export function lengthControlJson(modelA: string, modelB: string, prompts: readonly LengthPrompt[], seed: string): LengthControlJson {
  const r = lengthControlledWinRate(prompts, { seed, resamples: 1000 });
  return {
    estimate: r.ok ? r.estimate : null,
    interval: r.ok ? r.interval : null,
    raw: r.raw,
    phi: r.ok ? r.phi : null,
    explained: r.ok ? r.explained : null,
    longerShareA: r.ok ? r.longerShareA : null,
    prompts: r.prompts,
    resamples: r.ok ? r.resamples : 0,
    summary: summary(modelA, modelB, r),
    method: LENGTH_CONTROL_METHOD,
  };
}
