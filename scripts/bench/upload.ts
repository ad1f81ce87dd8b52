// `npm run bench:upload`: imports a generated 52,000-row Alpaca-format file into a fresh database
// (parse + validate + one transaction) and prints time and peak memory. Targets: ≤ 15 s, ≤ 600 MB RSS.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { applyMigrations } from "@/lib/migrations/apply";
import { createDatabase, dropDatabase, scratchName } from "../lib/postgres";
import { scratchServer } from "../lib/server-for-scripts";

function generatedFile(): Uint8Array {
  const file = path.join(os.tmpdir(), `pairwise-alpaca-${ROWS}.json`);
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/write-alpaca-file.ts", file, String(ROWS)], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("could not generate the benchmark file");
  const bytes = readFileSync(file);
  rmSync(file);
  return bytes;
}

const ROWS = Number(process.env.BENCH_UPLOAD_ROWS ?? 52_000);

async function main() {
  const server = await scratchServer();
  const name = scratchName("pairwise_bench");
  try {
    const url = await createDatabase(server, name);
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const { runUpload } = await import("@/lib/data/run-upload");
    const bytes = generatedFile();
    const rssBefore = process.memoryUsage().rss;
    const start = performance.now();
    const outcome = await runUpload(bytes, "alpaca-52k.json", { modelName: "bench-model", replace: false, allowEmptyOutputs: false }, null);
    const seconds = (performance.now() - start) / 1000;
    if (!outcome.ok || outcome.status !== "imported") throw new Error(`upload failed: ${JSON.stringify(outcome).slice(0, 500)}`);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log("\nUpload benchmark");
    console.table([{
      rows: outcome.summary.rowsRead, "file MB": +(bytes.length / 1e6).toFixed(1), "seconds": +seconds.toFixed(2),
      "rows/s": Math.round(outcome.summary.rowsRead / seconds), "peak RSS MB": Math.round(peakMb),
      "RSS before MB": Math.round(rssBefore / 1024 / 1024), "target": "≤ 15 s, ≤ 600 MB",
    }]);
    // Machine-readable line for scripts/bench/run.ts, which folds these figures into its table.
    console.log(`BENCH_JSON ${JSON.stringify({ rows: outcome.summary.rowsRead, mb: bytes.length / 1e6, seconds, peakMb })}`);
  } finally {
    await dropDatabase(server, name).catch(() => {});
    await server.stop();
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
