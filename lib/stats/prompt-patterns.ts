// Prompts' votes on every model pair they were judged on, packed for the Bradley-Terry bootstrap: the
// distinct patterns in a fixed order, how many prompts share each (prompt-resample.ts draws and adds them up).

import type { PairRecord } from "./pair-matrix";
import { assertTally } from "./tally";

/** One prompt's votes on each model pair it was judged on, given once with how many prompts share exactly these votes (default 1). */
export interface PromptVotes {
  pairs: readonly PairRecord[];
  count?: number;
}

/**
 * Distinct prompt patterns, in the order of their contents (never of the input, so resamples depend on
 * the prompts alone). A pattern is the prompt's points (pair-matrix.ts: wins plus half the draws) doubled
 * to whole numbers, at positions 2l ("first model of pair l beats the second") and 2l + 1 (the reverse),
 * pairs l in the order of their sorted models. Positions are packed `fields` to a number (a word), `bits`
 * bits each, so a resample adds a few words per prompt rather than two numbers per pair. Stored by word:
 * word w's non-zero numbers are packed[e] of pattern[e], for e from column[w] to column[w + 1], patterns in order.
 */
export interface PromptPatterns {
  /** Model names, sorted (the order of the points matrix, as buildPairMatrix gives it). */
  models: string[];
  column: Int32Array;
  pattern: Int32Array;
  packed: Float64Array;
  /** How many prompts share each pattern. */
  multiplicity: Float64Array;
  /** Prompts with at least one vote (the sum of the multiplicities). */
  prompts: number;
  fields: number;
  bits: number;
  /** The points matrix cell (i * n + j) of each position. */
  cellOf: Int32Array;
}

/** Patterns as read, one per prompt row with votes: positions and doubled points, in position order within each. */
interface RawPatterns {
  /** Rows kept; row k's entries are position[e], twice[e] for e from start[k] to start[k + 1]. */
  rows: number;
  start: Int32Array;
  position: Int32Array;
  twice: Float64Array;
  count: Float64Array;
  /** The largest doubled points at a position, and whether all are whole numbers. */
  largest: number;
  whole: boolean;
}

/** Patterns packed `fields` positions to a number: pattern k's non-zero numbers are packed[e] at word[e], e from start[k] to start[k + 1]. */
interface Packed {
  start: Int32Array;
  word: Int32Array;
  packed: Float64Array;
}

function sortedModels(prompts: readonly PromptVotes[]): string[] {
  const names = new Set<string>();
  for (const p of prompts) for (const r of p.pairs) names.add(r.a).add(r.b);
  return [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * Position of "model i beats model j" at [i * n + j]: 2l or 2l + 1, with l the index of {i, j} among
 * pairs in row-major upper-triangle order (2l when i < j).
 */
function positions(n: number): Int32Array {
  const out = new Int32Array(n * n);
  let l = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, l++) {
      out[i * n + j] = 2 * l;
      out[j * n + i] = 2 * l + 1;
    }
  }
  return out;
}

/** Adds `value` at position `at` of the prompt being read, noting the position the first time; returns the positions noted. */
function addPoints(scratch: Float64Array, touched: Int32Array, used: number, at: number, value: number): number {
  if (value === 0) return used;
  const first = scratch[at] === 0;
  scratch[at] = (scratch[at] as number) + value;
  if (first) touched[used] = at;
  return first ? used + 1 : used;
}

/** Sorts the first `used` numbers in place (insertion sort: a prompt has a few positions, mostly in order already). */
function sortStart(values: Int32Array, used: number): void {
  for (let i = 1; i < used; i++) {
    const v = values[i] as number;
    let j = i - 1;
    for (; j >= 0 && (values[j] as number) > v; j--) values[j + 1] = values[j] as number;
    values[j + 1] = v;
  }
}

/** Moves the prompt just read from `scratch` into `raw` (positions in order), leaving `scratch` zeroed. */
function keepPrompt(raw: RawPatterns, scratch: Float64Array, touched: Int32Array, used: number, count: number): void {
  sortStart(touched, used);
  let e = raw.start[raw.rows] as number;
  for (let u = 0; u < used; u++, e++) {
    const at = touched[u] as number;
    const twice = scratch[at] as number;
    raw.position[e] = at;
    raw.twice[e] = twice;
    if (twice > raw.largest) raw.largest = twice;
    if (!Number.isInteger(twice)) raw.whole = false;
    scratch[at] = 0;
  }
  raw.count[raw.rows++] = count;
  raw.start[raw.rows] = e;
}

/** Room for every prompt row and two positions per pair listed. */
function emptyRaw(prompts: readonly PromptVotes[]): RawPatterns {
  let pairs = 0;
  for (const p of prompts) pairs += p.pairs.length;
  return {
    rows: 0, start: new Int32Array(prompts.length + 1), position: new Int32Array(2 * pairs), twice: new Float64Array(2 * pairs),
    count: new Float64Array(prompts.length), largest: 0, whole: true,
  };
}

/** Reads every prompt, pairs listed twice in one prompt added together, positions without points left out. */
function readPrompts(prompts: readonly PromptVotes[], models: string[], positionOf: Int32Array): RawPatterns {
  const n = models.length;
  const index = new Map(models.map((m, i) => [m, i] as const));
  const scratch = new Float64Array(n * (n - 1));
  const touched = new Int32Array(n * (n - 1));
  const raw = emptyRaw(prompts);
  for (const p of prompts) {
    const count = p.count ?? 1;
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
    let used = 0;
    for (const r of p.pairs) {
      assertTally(r);
      if (r.a === r.b) throw new RangeError(`record compares "${r.a}" with itself`);
      const i = index.get(r.a) as number;
      const j = index.get(r.b) as number;
      const draws = r.ties + (r.bothBad ?? 0);
      used = addPoints(scratch, touched, used, positionOf[i * n + j] as number, 2 * r.winsA + draws);
      used = addPoints(scratch, touched, used, positionOf[j * n + i] as number, 2 * r.winsB + draws);
    }
    // A prompt without votes says nothing to resample.
    if (used > 0 && count > 0) keepPrompt(raw, scratch, touched, used, count);
    else for (let u = 0; u < used; u++) scratch[touched[u] as number] = 0;
  }
  return raw;
}

/**
 * Bits per position so no sum of P prompts can carry into the next field (P times the largest doubled
 * points), and fields per number so a number stays an exact integer (52 bits). One field, no packing,
 * when some count is not a whole number.
 */
function packing(raw: RawPatterns, prompts: number): { fields: number; bits: number } {
  const bits = Math.max(1, Math.ceil(Math.log2(prompts * raw.largest + 1)));
  return !raw.whole || bits > 26 ? { fields: 1, bits: 0 } : { fields: Math.floor(52 / bits), bits };
}

/** Each raw pattern's positions packed `fields` to a number (positions in order, so a shared number is the last one written). */
function packWords(raw: RawPatterns, fields: number, bits: number): Packed {
  const start = new Int32Array(raw.rows + 1);
  const word = new Int32Array(raw.position.length);
  const packed = new Float64Array(raw.position.length);
  const scale = Float64Array.from({ length: fields }, (_, f) => 2 ** (bits * f));
  let out = 0;
  for (let k = 0; k < raw.rows; k++) {
    start[k] = out;
    for (let e = raw.start[k] as number; e < (raw.start[k + 1] as number); e++) {
      const at = raw.position[e] as number;
      const w = Math.floor(at / fields);
      const value = (raw.twice[e] as number) * (scale[at % fields] as number);
      if (out > (start[k] as number) && word[out - 1] === w) packed[out - 1] = (packed[out - 1] as number) + value;
      else {
        word[out] = w;
        packed[out++] = value;
      }
    }
  }
  start[raw.rows] = out;
  return { start, word, packed };
}

/** Orders patterns x and y by their (word, packed) entries, a shorter one first when it is a prefix of the other. */
function comparePatterns(p: Packed, x: number, y: number): number {
  const xEnd = p.start[x + 1] as number;
  const yEnd = p.start[y + 1] as number;
  let i = p.start[x] as number;
  let j = p.start[y] as number;
  for (; i < xEnd && j < yEnd; i++, j++) {
    const d = (p.word[i] as number) - (p.word[j] as number) || (p.packed[i] as number) - (p.packed[j] as number);
    if (d !== 0) return d;
  }
  return xEnd - i - (yEnd - j);
}

/** The patterns in `order`, equal neighbours merged into one with their counts added. */
function mergeEqual(p: Packed, count: Float64Array, order: readonly number[]): Packed & { multiplicity: Float64Array } {
  const start = [0];
  const word = new Int32Array(p.word.length);
  const packed = new Float64Array(p.packed.length);
  const multiplicity: number[] = [];
  let out = 0;
  for (let at = 0; at < order.length; at++) {
    const k = order[at] as number;
    if (at > 0 && comparePatterns(p, order[at - 1] as number, k) === 0) {
      multiplicity[multiplicity.length - 1] = (multiplicity[multiplicity.length - 1] as number) + (count[k] as number);
      continue;
    }
    for (let e = p.start[k] as number; e < (p.start[k + 1] as number); e++, out++) {
      word[out] = p.word[e] as number;
      packed[out] = p.packed[e] as number;
    }
    start.push(out);
    multiplicity.push(count[k] as number);
  }
  return { start: Int32Array.from(start), word: word.slice(0, out), packed: packed.slice(0, out), multiplicity: Float64Array.from(multiplicity) };
}

/** The merged patterns' words regrouped by word (each word's patterns in pattern order). */
function byWord(rows: Packed, words: number): Pick<PromptPatterns, "column" | "pattern" | "packed"> {
  const column = new Int32Array(words + 1);
  for (const w of rows.word) column[w + 1] = (column[w + 1] as number) + 1;
  for (let w = 0; w < words; w++) column[w + 1] = (column[w + 1] as number) + (column[w] as number);
  const next = column.slice(0, words);
  const pattern = new Int32Array(rows.word.length);
  const packed = new Float64Array(rows.word.length);
  for (let k = 0; k + 1 < rows.start.length; k++) {
    for (let e = rows.start[k] as number; e < (rows.start[k + 1] as number); e++) {
      const w = rows.word[e] as number;
      const at = next[w] as number;
      next[w] = at + 1;
      pattern[at] = k;
      packed[at] = rows.packed[e] as number;
    }
  }
  return { column, pattern, packed };
}

/** Packs the prompts: equal patterns (the same points on every pair, however split into ties) are merged. */
export function packPromptVotes(prompts: readonly PromptVotes[]): PromptPatterns {
  const models = sortedModels(prompts);
  const n = models.length;
  const positionOf = positions(n);
  const raw = readPrompts(prompts, models, positionOf);
  let total = 0;
  for (let k = 0; k < raw.rows; k++) total += raw.count[k] as number;
  const { fields, bits } = packing(raw, total);
  const rows = packWords(raw, fields, bits);
  const order = Array.from({ length: raw.rows }, (_, k) => k).sort((x, y) => comparePatterns(rows, x, y) || x - y);
  const merged = mergeEqual(rows, raw.count, order);
  const cellOf = new Int32Array(n * (n - 1));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) cellOf[positionOf[i * n + j] as number] = i * n + j;
  return {
    models, ...byWord(merged, Math.ceil(cellOf.length / fields)), multiplicity: merged.multiplicity, prompts: total, fields, bits, cellOf,
  };
}
