// `npm run restore -- <file> [--force]`: restores a backup made by `npm run backup` into the app's
// database, then applies the migrations it lacks. Stop the app first; a database that already has
// tables (any started app's) needs --force, and is itself backed up before it is replaced.
import path from "node:path";
import { parseArgs } from "node:util";
import { appDatabase } from "./lib/app-database";
import { displayPath, parseOrUsage, restoreDatabase } from "./lib/backup";

const USAGE = "npm run restore -- <backups/pairwise-….dump> [--force]";
const { values, positionals } = parseOrUsage(() => parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true }), USAGE);
if (positionals.length !== 1) {
  console.error(`usage: ${USAGE}`);
  process.exit(2);
}
const file = path.resolve(positionals[0]!);
const database = await appDatabase();
try {
  // The app's connection pool may be idle (no session to see): the embedded server being up already says it runs.
  if (database.alreadyRunning) throw new Error("the embedded PostgreSQL is up, so the app is running: stop `npm start` (or the pairwise service) first");
  const { replacedBackup, applied } = await restoreDatabase(file, database.ownerUrl, { force: values.force });
  if (replacedBackup) console.log(`[pairwise] the replaced database was first backed up to ${displayPath(replacedBackup.file)}`);
  console.log(`[pairwise] restored ${displayPath(file)}`);
  console.log(`[pairwise] applied migrations: ${applied.join(", ") || "none pending"}`);
  // The embedded database's app role gets its rights on the restored tables again.
  await database.grantAppRole();
} catch (error) {
  console.error(`[pairwise] restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
process.exit();
