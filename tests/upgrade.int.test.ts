// Upgrades keep data: a database made by the previous release's own code (tests/fixtures/release-*.sql,
// the newest; scripts/make-upgrade-fixture.ts) is migrated by this tree's migrations and database
// rules, and every tally must then equal a recount from the votes, and the results must compute.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/migrations/apply";
import { db } from "@/lib/db";
import { getStudyResults } from "@/lib/results/study-results";
import { NO_MISMATCHES, tallyMismatches } from "./recount";
import { tableDigest, type TableDigest } from "./table-digest";

const FIXTURES = path.join(import.meta.dirname, "fixtures");

/** The newest release-x.y.z.sql (by version): the release this tree upgrades from. */
async function previousRelease(): Promise<{ file: string; version: string }> {
  const versions = (await readdir(FIXTURES))
    .map((f) => /^release-(\d+\.\d+\.\d+)\.sql$/.exec(f)?.[1])
    .filter((v): v is string => Boolean(v))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const version = versions.at(-1);
  if (!version) throw new Error(`no release-x.y.z.sql in ${FIXTURES}`);
  return { file: path.join(FIXTURES, `release-${version}.sql`), version };
}

async function withClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let releaseMigrations: string[];
let beforeUpgrade: TableDigest;
let applied: string[];

// This file's database (a migrated copy of the template) is emptied and replaced by the release's
// before anything here connects through `db`.
beforeAll(async () => {
  const { file } = await previousRelease();
  const sql = await readFile(file, "utf8");
  await withClient(async (c) => {
    await c.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    await c.query(sql);
    const { rows } = await c.query<{ name: string }>(`SELECT migration_name AS name FROM public."_prisma_migrations" ORDER BY 1`);
    releaseMigrations = rows.map((r) => r.name);
  });
  beforeUpgrade = await tableDigest(process.env.DATABASE_URL!);
  ({ applied } = await applyMigrations(process.env.DATABASE_URL!));
});

describe("upgrading a database of the previous release", () => {
  it("starts from a release database that holds votes", () => {
    expect(releaseMigrations.length).toBeGreaterThan(0);
    expect(beforeUpgrade.Vote?.rows).toBeGreaterThan(10);
  });

  it("applies exactly the migrations the release lacked, and keeps every vote", async () => {
    const names = (await readMigrations()).map((m) => m.name);
    expect(applied).toEqual(names.filter((n) => !releaseMigrations.includes(n)));
    const after = await tableDigest(process.env.DATABASE_URL!);
    expect(after.Vote?.rows).toBe(beforeUpgrade.Vote?.rows);
    for (const table of ["User", "Prompt", "Output", "Pair", "Study"]) expect(after[table]?.rows, table).toBe(beforeUpgrade[table]?.rows);
  });

  it("leaves every tally equal to a recount of the votes", async () => {
    const studies = await db.study.findMany({ select: { id: true } });
    expect(studies.length).toBeGreaterThan(0);
    for (const { id } of studies) expect(await tallyMismatches(id)).toEqual(NO_MISMATCHES);
  });

  it("computes the results of the release's study from its votes", async () => {
    const study = await db.study.findFirstOrThrow({ where: { isDemo: true }, select: { id: true } });
    const results = await getStudyResults(study.id);
    const counted = await db.vote.count({ where: { studyId: study.id, pair: { excluded: false } } });
    expect(results?.totals.votes).toBe(counted);
    expect(counted).toBeGreaterThan(10);
  });
});
