// The database's rules (functions, triggers) as one current definition per file in prisma/sql, applied
// after the versioned migrations whenever a file's checksum changes (Flyway's R__ scripts).
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";

// turbopackIgnore: the folder is read at run time, not a module to bundle.
export const DEFAULT_REPEATABLE_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "sql");

export type RepeatableFile = { name: string; sql: string; checksum: string };

// Our own history table: Prisma's _prisma_migrations holds only versioned migrations.
const REPEATABLE_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_pairwise_repeatable" (
    "name"        VARCHAR(255) PRIMARY KEY NOT NULL,
    "checksum"    VARCHAR(64) NOT NULL,
    "applied_at"  TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

/** The *.sql files of dir in file-name order (the order they are applied in), with their sha256. */
export async function readRepeatables(dir = DEFAULT_REPEATABLE_DIR): Promise<RepeatableFile[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith(".sql"))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql, "utf8").digest("hex") };
    }),
  );
}

async function applyOne(client: pg.Client, file: RepeatableFile) {
  await client.query("BEGIN");
  try {
    await client.query(file.sql);
    await client.query(
      `INSERT INTO "_pairwise_repeatable" (name, checksum, applied_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = EXCLUDED.applied_at`,
      [file.name, file.checksum],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw new Error(`prisma/sql/${file.name} failed: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Applies each file whose checksum differs from the one recorded (or that was never applied), each in
 * its own transaction. The caller holds the migrations' advisory lock and has applied the migrations.
 */
export async function applyRepeatables(client: pg.Client, dir = DEFAULT_REPEATABLE_DIR): Promise<string[]> {
  const files = await readRepeatables(dir);
  await client.query(REPEATABLE_TABLE_DDL);
  const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_pairwise_repeatable"`);
  const recorded = new Map(rows.map((r) => [r.name, r.checksum]));
  const changed = files.filter((f) => recorded.get(f.name) !== f.checksum);
  for (const file of changed) await applyOne(client, file);
  return changed.map((f) => f.name);
}
