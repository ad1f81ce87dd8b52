import { it } from "vitest";
import { parseUpload } from "./parse-upload";
const filler = "The quick brown fox jumps over the lazy dog. ".repeat(18);
const rows = Array.from({ length: 52_000 }, (_, i) => ({ instruction: `Task ${i}: summarize the passage in one sentence.`, input: i % 3 === 0 ? "" : `Passage ${i}: ${filler.slice(0, 120)}`, output: `Answer ${i}. ${filler}` }));
it("t", { timeout: 120_000 }, () => {
  const a = new TextEncoder().encode(JSON.stringify(rows));
  const b = new TextEncoder().encode(rows.map((r) => JSON.stringify(r)).join("\n"));
  for (const [n, x] of [["json", a], ["jsonl", b]] as const) {
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      const r = parseUpload(x, { modelName: "m" });
      console.log(n, (x.length / 1e6).toFixed(1), "MB", r.ok && r.rowCount, (performance.now() - t).toFixed(0), "ms");
    }
  }
});
