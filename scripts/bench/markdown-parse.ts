// What the server spends parsing answers' Markdown (lib/markdown/parse.ts runs twice on every /next):
// the AlpacaEval model outputs of ../shared/data when present, and a dense 2 KB answer (a code block,
// a table and a list in every 256 characters), each timed after a warm-up pass.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseMarkdown } from "@/lib/markdown/parse";

const DATA = path.resolve(process.cwd(), "../shared/data");
const FILES = ["alpaca_eval.alpaca-7b.model_outputs.json", "alpaca_eval.text_davinci_003.model_outputs.json"];

export type ParseCost = { realAnswers: number; realMeanChars: number; realMs: number; real2kAnswers: number; real2kMs: number; dense2kMs: number };

/** Per text, the median of 7 timed batches (this machine is shared: one batch can be slowed down). */
function msEach(texts: string[], rounds: number): number {
  for (const t of texts) parseMarkdown(t);
  const batches: number[] = [];
  for (let b = 0; b < 7; b++) {
    const started = performance.now();
    for (let r = 0; r < rounds; r++) for (const t of texts) parseMarkdown(t);
    batches.push((performance.now() - started) / (rounds * texts.length));
  }
  return batches.sort((x, y) => x - y)[3]!;
}

export function markdownParseCost(): ParseCost {
  const real = existsSync(DATA)
    ? FILES.flatMap((f) => (JSON.parse(readFileSync(path.join(DATA, f), "utf8")) as { output: string }[]).map((r) => r.output))
    : [];
  const real2k = real.filter((t) => t.length >= 1_500 && t.length <= 2_500);
  const block = "Some **bold** text, `code` and a [link](https://example.com).\n\n```js\nconst x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n\n";
  const dense = block.repeat(Math.ceil(2_048 / block.length)).slice(0, 2_048);
  return {
    realAnswers: real.length,
    realMeanChars: real.length ? real.reduce((a, t) => a + t.length, 0) / real.length : NaN,
    realMs: real.length ? msEach(real, 1) : NaN,
    real2kAnswers: real2k.length,
    real2kMs: real2k.length ? msEach(real2k, 10) : NaN,
    dense2kMs: msEach([dense], 300),
  };
}
