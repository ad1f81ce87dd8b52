// `npm run fixture:upgrade -- --commit <release commit> --version <x.y.z>`: writes
// tests/fixtures/release-<version>.sql, a database made by that release's own code (its migrations,
// demo seed, votes, an undo, a gold pair, an excluded pair), for tests/upgrade.int.test.ts. Needs git,
// network access to the npm registry (npm ci in a temporary worktree) and pg_dump of the server's
// major version. Uses DATABASE_URL's server, else a throwaway embedded one. docs/migrations.md says when.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { findPgTool, runPgTool, serverMajor } from "./lib/pg-tools";
import { createDatabase, dropDatabase, scratchName } from "./lib/postgres";
import { scratchServer } from "./lib/server-for-scripts";

const { values } = parseArgs({ options: { commit: { type: "string" }, version: { type: "string" } } });
if (!values.commit || !values.version) {
  console.error("usage: npm run fixture:upgrade -- --commit <release commit> --version <x.y.z>");
  process.exit(2);
}
const commit = execFileSync("git", ["rev-parse", "--short", `${values.commit}^{commit}`], { encoding: "utf8" }).trim();
const out = path.resolve("tests", "fixtures", `release-${values.version}.sql`);
const driver = path.resolve("scripts", "upgrade-fixture", "release-data.ts");

const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(cmd, args, { cwd, env, stdio: "inherit" });

const tmp = mkdtempSync(path.join(os.tmpdir(), "pairwise-release-"));
const checkout = path.join(tmp, "checkout");
const server = await scratchServer();
const name = scratchName("pairwise_fixture");
try {
  run("git", ["worktree", "add", "--detach", checkout, commit], process.cwd());
  run("npm", ["ci", "--no-audit", "--no-fund"], checkout);
  // The driver runs with the release's code: copied in, not imported from this tree.
  copyFileSync(driver, path.join(checkout, "scripts", "fixture-release-data.ts"));
  const url = await createDatabase(server, name);
  run("npx", ["tsx", "--conditions=react-server", "scripts/fixture-release-data.ts"], checkout, { ...process.env, DATABASE_URL: url, PAIRWISE_DEMO: "1" });
  const dump = path.join(tmp, "dump.sql");
  // Plain SQL with INSERTs (no COPY blocks), so a test can run it through node-postgres alone.
  await runPgTool(findPgTool("pg_dump", await serverMajor(url)), url, [
    "--format=plain", "--no-owner", "--no-privileges", "--inserts", "--rows-per-insert=100", `--file=${dump}`,
  ]);
  writeFileSync(out, header(commit, values.version) + withoutPsqlCommands(readFileSync(dump, "utf8")));
  console.log(`[pairwise] wrote ${path.relative(process.cwd(), out)} (${readFileSync(out).length} bytes)`);
} finally {
  await dropDatabase(server, name).catch(() => {});
  await server.stop();
  execFileSync("git", ["worktree", "remove", "--force", checkout], { stdio: "ignore" });
  rmSync(tmp, { recursive: true, force: true });
}

// pg_dump's plain output may carry psql-only lines (\restrict since the 2025 minor releases).
function withoutPsqlCommands(sql: string): string {
  return sql.split("\n").filter((line) => !line.startsWith("\\")).join("\n");
}

function header(commit: string, version: string): string {
  return [
    `-- Pairwise ${version} (git ${commit}): a database made by that release's own code, for tests/upgrade.int.test.ts.`,
    "-- Its migrations, its demo seed, then votes, one undo per rater, a gold answer and an excluded pair",
    "-- (scripts/upgrade-fixture/release-data.ts); dumped with pg_dump --format=plain --no-owner --no-privileges --inserts.",
    `-- Regenerate: npm run fixture:upgrade -- --commit ${commit} --version ${version} (docs/migrations.md). Do not edit by hand.`,
    "",
    "",
  ].join("\n");
}
