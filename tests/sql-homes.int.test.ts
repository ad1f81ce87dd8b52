// prisma/sql is the truth about the database's rules: the functions and triggers of a migrated database
// are exactly those its files define, and a changed file (only it) is applied again.
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from "@/lib/migrations/apply";
import { DEFAULT_REPEATABLE_DIR, readRepeatables } from "@/lib/migrations/repeatable";
import { dropAppRole, ensureAppRole, scratchAppRole } from "@/scripts/lib/app-role";
import { createDatabase, dropDatabase, externalServer, scratchName } from "@/scripts/lib/postgres";

const server = externalServer(inject("serverAdminUrl"));
const created: string[] = [];
const tempDirs: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = scratchName("pairwise_sql");
  created.push(name);
  return createDatabase(server, name);
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pairwise-sql-"));
  tempDirs.push(dir);
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

type Definition = { name: string; def: string };

// Every function of schema public but those of extensions, and every trigger there but PostgreSQL's own.
const FUNCTIONS_SQL = `
  SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name, pg_get_functiondef(p.oid) AS def
  FROM pg_proc p
  WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  ORDER BY 1`;
const TRIGGERS_SQL = `
  SELECT t.tgrelid::regclass::text || '.' || t.tgname AS name, pg_get_triggerdef(t.oid) AS def
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
  WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
  ORDER BY 1`;

const rules = async (url: string) => ({
  functions: await query<Definition>(url, FUNCTIONS_SQL),
  triggers: await query<Definition>(url, TRIGGERS_SQL),
});

async function dropAllRules(url: string) {
  const { functions, triggers } = await rules(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const t of await client.query<{ tgname: string; rel: string }>(
      `SELECT t.tgname, t.tgrelid::regclass::text AS rel FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace`,
    ).then((r) => r.rows)) {
      await client.query(`DROP TRIGGER ${client.escapeIdentifier(t.tgname)} ON ${t.rel}`);
    }
    // No CASCADE: a column default, index or constraint that used a function would make this fail.
    for (const f of functions) {
      const [, name, args] = /^([^(]+)\((.*)\)$/.exec(f.name)!;
      await client.query(`DROP FUNCTION ${client.escapeIdentifier(name!)}(${args})`);
    }
  } finally {
    await client.end();
  }
  expect(functions.length + triggers.length).toBeGreaterThan(0);
  expect(await rules(url)).toEqual({ functions: [], triggers: [] });
}

afterAll(async () => {
  for (const name of created) await dropDatabase(server, name);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("prisma/sql: the database's rules, one file each", () => {
  let migrated: string;
  beforeAll(async () => {
    migrated = await freshDatabase();
    await applyMigrations(migrated);
  });

  it("gives a migrated database exactly the functions and triggers the files define", async () => {
    const files = await readRepeatables();
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(["vote-tally.sql", "next-lease.sql", "agreement.sql", "pair-facts.sql"]));

    // The migrations' tables with no rules at all, then the files alone.
    const fromFiles = await freshDatabase();
    const { repeatable: none } = await applyMigrations(fromFiles, DEFAULT_MIGRATIONS_DIR, await tempDir());
    expect(none).toEqual([]);
    await dropAllRules(fromFiles);
    const { applied, repeatable } = await applyMigrations(fromFiles);
    expect(applied).toEqual([]);
    expect(repeatable).toEqual(files.map((f) => f.name));

    const expected = await rules(migrated);
    expect(expected.functions.length).toBeGreaterThanOrEqual(15);
    expect(expected.triggers.length).toBeGreaterThanOrEqual(7);
    expect(await rules(fromFiles)).toEqual(expected);
  });

  it("has a file for every function and trigger, and no file without one", async () => {
    const files = await readRepeatables();
    const { functions, triggers } = await rules(migrated);
    const definedIn = (pattern: RegExp) => files.filter((f) => pattern.test(f.sql)).map((f) => f.name);
    for (const f of functions) {
      const name = f.name.slice(0, f.name.indexOf("("));
      expect([f.name, definedIn(new RegExp(`CREATE OR REPLACE FUNCTION "${name}"\\(`))]).toEqual([f.name, [expect.any(String)]]);
    }
    for (const t of triggers) {
      const name = t.name.slice(t.name.lastIndexOf(".") + 1);
      expect([t.name, definedIn(new RegExp(`DROP TRIGGER IF EXISTS "${name}" ON[^;]*;\\s*CREATE TRIGGER "${name}" `))]).toEqual([t.name, [expect.any(String)]]);
    }
    for (const file of files) expect([file.name, /CREATE OR REPLACE FUNCTION/.test(file.sql)]).toEqual([file.name, true]);
  });

  it("applies a changed file again, only it, keeping the app role's right to call what it replaced", async () => {
    const dir = await tempDir();
    await cp(DEFAULT_REPEATABLE_DIR, dir, { recursive: true });
    expect((await applyMigrations(migrated, DEFAULT_MIGRATIONS_DIR, dir)).repeatable).toEqual([]);

    const appRole = scratchAppRole();
    const { role } = appRole;
    await ensureAppRole(migrated, appRole);
    try {
      const file = path.join(dir, "vote-immutable.sql");
      const edited = (await readFile(file, "utf8")).replace("(delete it instead)", "(delete it instead, edited)");
      await writeFile(file, edited);
      expect(await applyMigrations(migrated, DEFAULT_MIGRATIONS_DIR, dir)).toEqual({ applied: [], repeatable: ["vote-immutable.sql"] });
      expect(await applyMigrations(migrated, DEFAULT_MIGRATIONS_DIR, dir)).toEqual({ applied: [], repeatable: [] });

      const [fn] = await query<{ def: string; callable: boolean }>(
        migrated,
        `SELECT pg_get_functiondef('"pairwise_vote_immutable"()'::regprocedure) AS def,
                has_function_privilege($1, '"pairwise_vote_immutable"()'::regprocedure, 'EXECUTE') AS callable`,
        [role],
      );
      expect(fn?.def).toContain("edited");
      expect(fn?.callable).toBe(true);
      const voteTriggers = await query(migrated, `SELECT tgname FROM pg_trigger WHERE tgname = 'Vote_immutable'`);
      expect(voteTriggers).toHaveLength(1);
      const [row] = await query<{ checksum: string }>(migrated, `SELECT checksum FROM "_pairwise_repeatable" WHERE name = 'vote-immutable.sql'`);
      expect(row?.checksum).toBe(createHash("sha256").update(edited).digest("hex"));
    } finally {
      await dropAppRole(migrated, role);
    }
  });

  it("rolls back a failing file and keeps its old checksum", async () => {
    const dir = await tempDir();
    await cp(DEFAULT_REPEATABLE_DIR, dir, { recursive: true });
    const [before] = await query<{ checksum: string }>(migrated, `SELECT checksum FROM "_pairwise_repeatable" WHERE name = 'output-chars.sql'`);
    await writeFile(path.join(dir, "output-chars.sql"), `DROP TRIGGER "Output_chars" ON "Output";\nSELECT * FROM "no_such_table";\n`);
    await expect(applyMigrations(migrated, DEFAULT_MIGRATIONS_DIR, dir)).rejects.toThrow(/output-chars\.sql failed/);
    expect(await query(migrated, `SELECT 1 FROM pg_trigger WHERE tgname = 'Output_chars'`)).toHaveLength(1);
    const [after] = await query<{ checksum: string }>(migrated, `SELECT checksum FROM "_pairwise_repeatable" WHERE name = 'output-chars.sql'`);
    expect(after).toEqual(before);
  });
});
