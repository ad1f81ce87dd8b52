// `npm run backup [-- --dir <folder>]`: dumps the app's database (the embedded one under .data/, or
// DATABASE_MIGRATION_URL / DATABASE_URL's) into backups/pairwise-YYYYMMDD-HHMMSS.dump with pg_dump.
import path from "node:path";
import { parseArgs } from "node:util";
import { appDatabase } from "./lib/app-database";
import { backupDatabase, DEFAULT_BACKUP_DIR, displayPath, parseOrUsage } from "./lib/backup";

const { values } = parseOrUsage(() => parseArgs({ options: { dir: { type: "string" } } }), "npm run backup [-- --dir <folder>]");
const database = await appDatabase();
try {
  // The owner's URL: the app role may not read the migration history, which a restore needs.
  const { file, bytes } = await backupDatabase(database.ownerUrl, path.resolve(values.dir ?? DEFAULT_BACKUP_DIR));
  console.log(`[pairwise] backup written: ${displayPath(file)} (${formatBytes(bytes)})`);
} catch (error) {
  const message = (error as Error).message;
  // The app role may not read the migration history: a restricted DATABASE_URL needs the owner's beside it.
  const hint = /permission denied/.test(message) ? "\n[pairwise] DATABASE_URL's role may not read every table: set DATABASE_MIGRATION_URL to the tables' owner" : "";
  console.error(`[pairwise] backup failed: ${message}${hint}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
process.exit();
