// One resample of prompts for the Bradley-Terry bootstrap: how many copies of each prompt pattern are
// drawn, and the points matrix they add up to. Both run once per resample, so they are kept tight.

import type { PromptPatterns } from "./prompt-patterns";
import { mulberry32Bits, mulberry32Next, type Mulberry32Stream } from "./rng";
import { sampleMultinomial } from "./sampling";

/** Each prompt's pattern, in pattern order, for drawing prompts one by one. */
export function patternOfPrompt(patterns: PromptPatterns): Int32Array {
  const out = new Int32Array(patterns.prompts);
  let at = 0;
  patterns.multiplicity.forEach((m, k) => {
    out.fill(k, at, at + m);
    at += m;
  });
  return out;
}

/**
 * How many copies of each pattern one resample of the P prompts (with replacement) draws, into `out`:
 * Multinomial(P, multiplicity / P) either way. With `byPrompt` (patternOfPrompt) it is drawn prompt by
 * prompt, P uniform draws, the cheaper way when nearly every prompt has a pattern of its own (the
 * stream stepped inline: a call per draw would cost more than the rest); without it, as a chain of
 * binomials over the patterns, cheaper when patterns are few.
 */
export function drawPatternCounts(patterns: PromptPatterns, stream: Mulberry32Stream, out: Float64Array, byPrompt?: Int32Array): void {
  if (!byPrompt) {
    sampleMultinomial(stream.rng, patterns.prompts, patterns.multiplicity, out);
    return;
  }
  out.fill(0);
  const p = byPrompt.length;
  let state = stream.state;
  for (let d = 0; d < p; d++) {
    state = mulberry32Next(state);
    // (rng() * p) | 0, as the index bootstrap in bootstrap.ts draws.
    const k = byPrompt[((mulberry32Bits(state) / 4294967296) * p) | 0] as number;
    out[k] = (out[k] as number) + 1;
  }
  stream.state = state;
}

/** Word w's sum over the patterns, `counts[k]` copies of pattern k: a dot product, without the look-ups when every pattern has the word. */
function wordSum(patterns: PromptPatterns, counts: Float64Array, w: number): number {
  const { column, pattern, packed } = patterns;
  const from = column[w] as number;
  const to = column[w + 1] as number;
  // Four running sums: each add waits on the previous one into the same sum.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let e = from;
  if (to - from === counts.length) {
    for (let k = 0; e + 3 < to; e += 4, k += 4) {
      s0 += (counts[k] as number) * (packed[e] as number);
      s1 += (counts[k + 1] as number) * (packed[e + 1] as number);
      s2 += (counts[k + 2] as number) * (packed[e + 2] as number);
      s3 += (counts[k + 3] as number) * (packed[e + 3] as number);
    }
    for (; e < to; e++) s0 += (counts[e - from] as number) * (packed[e] as number);
  } else {
    for (; e + 3 < to; e += 4) {
      s0 += (counts[pattern[e] as number] as number) * (packed[e] as number);
      s1 += (counts[pattern[e + 1] as number] as number) * (packed[e + 1] as number);
      s2 += (counts[pattern[e + 2] as number] as number) * (packed[e + 2] as number);
      s3 += (counts[pattern[e + 3] as number] as number) * (packed[e + 3] as number);
    }
    for (; e < to; e++) s0 += (counts[pattern[e] as number] as number) * (packed[e] as number);
  }
  return s0 + s1 + s2 + s3;
}

/**
 * The points matrix (n x n, row-major, overwritten; the diagonal stays 0) of `counts[k]` copies of each
 * pattern k. The packed sums are exact: each field's total is at most P times its largest value, below
 * 2^bits, and the counts add up to P.
 */
export function sumPatterns(patterns: PromptPatterns, counts: Float64Array, points: Float64Array): void {
  const { fields, bits, cellOf } = patterns;
  const base = 2 ** bits;
  for (let w = 0, at = 0; w + 1 < patterns.column.length; w++) {
    let rest = wordSum(patterns, counts, w);
    for (let f = 0; f < fields && at < cellOf.length; f++, at++) {
      const field = fields === 1 ? rest : rest % base;
      rest = (rest - field) / base;
      points[cellOf[at] as number] = 0.5 * field;
    }
  }
}
