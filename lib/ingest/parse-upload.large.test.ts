import { describe, expect, it } from "vitest";
import { parseUpload } from "./parse-upload";

// A file the size of the Alpaca 52K training set (~50 MB), generated in memory: the
// public copy is too large for the shared data folder.
const ROWS = 52_000;
const filler = "The quick brown fox jumps over the lazy dog. ".repeat(18); // ~800 characters

function syntheticRows() {
  return Array.from({ length: ROWS }, (_, i) => ({
    instruction: `Task ${i}: summarize the passage in one sentence.`,
    input: i % 3 === 0 ? "" : `Passage ${i}: ${filler.slice(0, 120)}`,
    output: `Answer ${i}. ${filler}`,
  }));
}

// Measured on the shared 2-core development container (Node 20, other jobs running): about
// 1.2–2.2 s per 52 MB file warm, up to ~5 s on the first (cold) run, leak screening included.
// Validation (zod) is the largest share (~0.7 s), then JSON.parse, decoding and the depth scan.
// Not asserted: timing on CI machines varies too much.
describe("parseUpload on a 52,000-row Alpaca-format file", () => {
  it("parses the JSON array form", { timeout: 60_000 }, () => {
    const bytes = new TextEncoder().encode(JSON.stringify(syntheticRows()));
    expect(bytes.length).toBeGreaterThan(45_000_000);
    const result = parseUpload(bytes, { modelName: "alpaca-7b" });
    expect(result).toMatchObject({ ok: true, format: "alpaca_json", rowCount: ROWS, models: ["alpaca-7b"], leaks: [] });
    expect(result.ok && result.records[ROWS - 1]?.row).toBe(ROWS);
  });

  it("parses the JSON Lines form line by line", { timeout: 60_000 }, () => {
    const text = syntheticRows()
      .map((row) => JSON.stringify(row))
      .join("\n");
    const result = parseUpload(new TextEncoder().encode(text), { modelName: "alpaca-7b" });
    expect(result).toMatchObject({ ok: true, format: "alpaca_jsonl", rowCount: ROWS });
  });
});
