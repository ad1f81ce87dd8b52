// Applies prisma/migrations/*/migration.sql without Prisma's native schema engine, keeping Prisma
// Migrate's own bookkeeping so `prisma migrate` stays usable on the same database; then the rules in
// prisma/sql/*.sql that changed (repeatable.ts).
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { applyRepeatables, DEFAULT_REPEATABLE_DIR } from "./repeatable";

// Prisma Migrate's advisory lock key: our runner and `prisma migrate deploy` exclude each other.
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

// turbopackIgnore: the folder is read at run time, not a module to bundle (else Turbopack traces the whole project).
export const DEFAULT_MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");

export type MigrationFile = { name: string; sql: string; checksum: string };

// Prisma's own DDL for its history table (schema-engine sql-migration-connector).
const HISTORY_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      // Prisma's checksum is the sha256 of the file's bytes, hex-encoded.
      const checksum = createHash("sha256").update(sql, "utf8").digest("hex");
      return { name, sql, checksum };
    }),
  );
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

async function appliedMigrations(client: pg.Client): Promise<Map<string, AppliedRow>> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  for (const row of rows) {
    if (!row.finished_at) {
      throw new Error(
        `Migration ${row.migration_name} was started but never finished (a failed \`prisma migrate\` run?). ` +
          `Resolve it with \`prisma migrate resolve\` or by deleting its row in _prisma_migrations.`,
      );
    }
  }
  return new Map(rows.map((r) => [r.migration_name, r]));
}

function checkHistory(files: MigrationFile[], applied: Map<string, AppliedRow>) {
  const known = new Set(files.map((f) => f.name));
  for (const file of files) {
    const row = applied.get(file.name);
    if (row && row.checksum !== file.checksum) {
      throw new Error(`Migration ${file.name} was edited after it was applied (checksum differs).`);
    }
  }
  for (const name of applied.keys()) {
    if (!known.has(name)) {
      throw new Error(`The database has migration ${name}, which is not in prisma/migrations.`);
    }
  }
}

async function applyOne(client: pg.Client, file: MigrationFile) {
  // One transaction per migration: PostgreSQL DDL is transactional, so a failure leaves nothing behind.
  await client.query("BEGIN");
  try {
    await client.query(file.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), file.checksum, file.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Applies every pending migration, then every prisma/sql file that changed since it was last applied;
 * safe to call from several processes at once. Returns the names of both.
 */
export async function applyMigrations(
  connectionString: string,
  dir = DEFAULT_MIGRATIONS_DIR,
  repeatableDir = DEFAULT_REPEATABLE_DIR,
): Promise<{ applied: string[]; repeatable: string[] }> {
  const files = await readMigrations(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    await client.query(HISTORY_TABLE_DDL);
    const applied = await appliedMigrations(client);
    checkHistory(files, applied);
    const pending = files.filter((f) => !applied.has(f.name));
    for (const file of pending) await applyOne(client, file);
    // Under the same lock: a second process finds the files recorded and applies nothing.
    const repeatable = await applyRepeatables(client, repeatableDir);
    return { applied: pending.map((f) => f.name), repeatable };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
