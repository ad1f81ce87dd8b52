// A deterministic Alpaca-format file (instruction, input, output) of realistic lengths, for benchmarks:
// the real 52K-row training file is too large to ship, so the same shape is generated from a seed.
import { mulberry32, type Rng } from "@/lib/stats/rng";

const WORDS = ("the a of to and in is for that with on as it be are this by or from an at can which your "
  + "model answer question data time people water energy system write explain list describe give example "
  + "story poem code function number city country history science health food music language learning "
  + "important different between however because therefore first second finally also often usually").split(" ");

function words(rng: Rng, min: number, max: number): string {
  const n = min + Math.floor(rng() * (max - min + 1));
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rng() * WORDS.length)]!);
  return out.join(" ");
}

export type AlpacaRow = { instruction: string; input: string; output: string };

/** Alpaca's own statistics: short instructions, an input on ~40% of rows, outputs of tens to hundreds of words. */
export function alpacaRows(count: number, seed = 52_002): AlpacaRow[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => ({
    instruction: `${i}. ${words(rng, 6, 24)}?`,
    input: rng() < 0.4 ? words(rng, 5, 40) : "",
    output: words(rng, 20, 320),
  }));
}

export function alpacaFile(count: number, seed?: number): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(alpacaRows(count, seed)));
}
