// The engine-free migration runner keeps Prisma Migrate's history format and is safe to run twice at once.
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, writeFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrations } from "@/lib/migrations/apply";
import { readRepeatables } from "@/lib/migrations/repeatable";
import { createDatabase, dropDatabase, externalServer, scratchName } from "@/scripts/lib/postgres";

const server = externalServer(inject("serverAdminUrl"));
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = scratchName("pairwise_mig");
  created.push(name);
  return createDatabase(server, name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of created) await dropDatabase(server, name);
});

describe("applyMigrations", () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase();
  });

  it("applies every checked-in migration and records Prisma's sha256 checksums", async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const { applied, repeatable } = await applyMigrations(url);
    expect(applied).toEqual(files.map((f) => f.name));
    // Then every database rule in prisma/sql, in file-name order, recorded outside Prisma's history.
    const rules = await readRepeatables();
    expect(repeatable).toEqual(rules.map((f) => f.name));
    const recorded = await query<{ name: string; checksum: string }>(url, `SELECT name, checksum FROM "_pairwise_repeatable" ORDER BY name`);
    expect(recorded).toEqual(rules.map((f) => ({ name: f.name, checksum: f.checksum })));
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url, `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    for (const [i, file] of files.entries()) {
      const sql = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, file.name, "migration.sql"));
      expect(rows[i]?.migration_name).toBe(file.name);
      expect(rows[i]?.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(rows[i]?.finished_at).toBeInstanceOf(Date);
      expect(rows[i]?.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(url)).toEqual({ applied: [], repeatable: [] });
  });

  it("lets two processes start at once: each migration is applied exactly once", async () => {
    const other = await freshDatabase();
    const results = await Promise.all([applyMigrations(other), applyMigrations(other), applyMigrations(other)]);
    const total = results.reduce((n, r) => n + r.applied.length, 0);
    expect(total).toBe((await readMigrations()).length);
    expect(results.reduce((n, r) => n + r.repeatable.length, 0)).toBe((await readRepeatables()).length);
    const [{ count }] = await query<{ count: string }>(other, `SELECT count(*) FROM "_prisma_migrations"`) as [{ count: string }];
    expect(Number(count)).toBe(total);
  });

  it("refuses a migration file edited after it was applied", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pairwise-migrations-"));
    try {
      await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
      const [first] = await readMigrations(dir);
      await writeFile(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
      await expect(applyMigrations(url, dir)).rejects.toThrow(/edited after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pairwise-migrations-"));
    try {
      await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
      await cp(path.join(DEFAULT_MIGRATIONS_DIR, (await readMigrations())[0]!.name), path.join(dir, "29990101000000_broken"), { recursive: true });
      await writeFile(path.join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT * FROM "no_such_table";\n`);
      await expect(applyMigrations(url, dir)).rejects.toThrow(/29990101000000_broken failed/);
      const half = await query(url, `SELECT to_regclass('"Half"') AS t`);
      expect(half[0]).toEqual({ t: null });
      const rows = await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`);
      expect(rows).toHaveLength(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
