// `npm run backup [-- --dir <folder>]`: dumps the app's database (the embedded one under .data/, or
// DATABASE_MIGRATION_URL / DATABASE_URL's) into backups/pairwise-YYYYMMDD-HHMMSS.dump with pg_dump.
import path from "node:path";
import { parseArgs } from "node:util";
import { appDatabase } from "./lib/app-database";
import { backupDatabase, DEFAULT_BACKUP_DIR } from "./lib/backup";

const { values } = parseArgs({ options: { dir: { type: "string" } } });
const database = await appDatabase();
try {
  // The owner's URL: the app role may not read the migration history, which a restore needs.
  const { file, bytes } = await backupDatabase(database.ownerUrl, path.resolve(values.dir ?? DEFAULT_BACKUP_DIR));
  console.log(`[pairwise] backup written: ${path.relative(process.cwd(), file)} (${formatBytes(bytes)})`);
} catch (error) {
  console.error(`[pairwise] backup failed: ${(error as Error).message}`);
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
