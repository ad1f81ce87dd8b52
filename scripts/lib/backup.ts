// Backup and restore of one database with PostgreSQL's pg_dump / pg_restore (custom format), for
// `npm run backup` / `npm run restore` and their round-trip test. Restore refuses a database that
// already holds tables unless forced, and a forced restore first backs up what it replaces.
import { chmod, mkdir, open, stat } from "node:fs/promises";
import path from "node:path";
import { applyMigrations } from "@/lib/migrations/apply";
import { findPgTool, runPgTool, serverMajor } from "./pg-tools";
import { withClient } from "./postgres";

export const DEFAULT_BACKUP_DIR = path.resolve("backups");

// pg_dump's custom format begins with these five bytes.
const CUSTOM_FORMAT_MAGIC = "PGDMP";

/** pairwise-YYYYMMDD-HHMMSS (UTC), so names sort by time. */
export function backupName(at = new Date(), suffix = ""): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `pairwise-${stamp}${suffix}.dump`;
}

export type Backup = { file: string; bytes: number };

/** A path as the user would type it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

/** parseArgs, with a usage line instead of a stack trace for an unknown option. */
export function parseOrUsage<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
}

/** Dumps url's database into dir as a custom-format archive (schema, data and migration history). */
export async function backupDatabase(url: string, dir = DEFAULT_BACKUP_DIR, suffix = ""): Promise<Backup> {
  const pgDump = findPgTool("pg_dump", await serverMajor(url));
  // A backup holds password hashes and every vote: readable by its owner only.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, backupName(new Date(), suffix));
  await runPgTool(pgDump, url, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`]);
  await chmod(file, 0o600);
  return { file, bytes: (await stat(file)).size };
}

async function checkArchive(file: string): Promise<void> {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === "ENOENT" ? `no such backup file: ${file}` : `cannot read ${file}: ${error.message}`);
  });
  try {
    const head = Buffer.alloc(CUSTOM_FORMAT_MAGIC.length);
    await handle.read(head, 0, head.length, 0);
    if (head.toString("latin1") !== CUSTOM_FORMAT_MAGIC) {
      throw new Error(`${file} is not a pg_dump custom-format archive (as \`npm run backup\` writes); a plain .sql dump is restored with psql`);
    }
  } finally {
    await handle.close();
  }
}


/** Tables in schema public, and sessions other than ours on the database. */
async function databaseState(url: string): Promise<{ tables: number; sessions: number }> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ tables: number; sessions: number }>(
      `SELECT (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public') AS tables,
              (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) AS sessions`,
    );
    return rows[0]!;
  });
}

// Everything the app's migrations create lives in schema public; the schema itself (and its grants) stays,
// and so do extensions' objects.
const EMPTY_PUBLIC_SCHEMA = `DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT format('DROP TABLE IF EXISTS public.%I CASCADE', tablename) AS sql FROM pg_tables WHERE schemaname = 'public'
    UNION ALL SELECT format('DROP SEQUENCE IF EXISTS public.%I CASCADE', sequencename) FROM pg_sequences WHERE schemaname = 'public'
    UNION ALL SELECT format('DROP VIEW IF EXISTS public.%I CASCADE', viewname) FROM pg_views WHERE schemaname = 'public'
  LOOP EXECUTE r.sql; END LOOP;
  FOR r IN SELECT format('DROP ROUTINE IF EXISTS %s CASCADE', p.oid::regprocedure) AS sql
    FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
  LOOP EXECUTE r.sql; END LOOP;
  FOR r IN SELECT format('DROP TYPE IF EXISTS public.%I CASCADE', t.typname) AS sql
    FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd') AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
  LOOP EXECUTE r.sql; END LOOP;
END $$`;

export type RestoreResult = { replacedBackup: Backup | null; applied: string[] };

/**
 * Restores a custom-format archive into url's database, then applies the migrations it lacks. A
 * database with tables is refused unless `force`: then it is backed up into backupDir, emptied and
 * restored. Either way nobody else may be connected (stop the app first).
 */
export async function restoreDatabase(file: string, url: string, opts: { force?: boolean; backupDir?: string } = {}): Promise<RestoreResult> {
  await checkArchive(file);
  const pgRestore = findPgTool("pg_restore", await serverMajor(url));
  await runPgTool(pgRestore, url, ["--list", file]).catch((error: Error) => {
    throw new Error(`${file} cannot be read by ${pgRestore}: ${error.message}`);
  });
  const state = await databaseState(url);
  if (state.sessions > 0) throw new Error(`${state.sessions} other session(s) are connected to the database: stop the app (and psql) before restoring`);
  let replacedBackup: Backup | null = null;
  if (state.tables > 0) {
    if (!opts.force) throw new Error(`the database already holds ${state.tables} tables: restore into an empty database, or pass --force to replace them (they are backed up first)`);
    replacedBackup = await backupDatabase(url, opts.backupDir ?? DEFAULT_BACKUP_DIR, "-before-restore");
    await withClient(url, (c) => c.query(EMPTY_PUBLIC_SCHEMA));
  }
  // One transaction: a failure leaves the database as empty as it was before pg_restore ran.
  await runPgTool(pgRestore, url, ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", file]).catch((error: Error) => {
    const kept = replacedBackup ? ` What it replaced is in ${replacedBackup.file}.` : "";
    throw new Error(`restore failed, the database is left empty: ${error.message}.${kept}`);
  });
  const { applied } = await applyMigrations(url);
  return { replacedBackup, applied };
}
