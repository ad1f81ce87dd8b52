// `npm run backup` / `npm run restore` against a real PostgreSQL: a round trip gives back every table
// (row counts and a hash of the rows), a database with tables is refused unless forced, and bad input
// gets a clear error; a backup of the previous release comes back migrated. Uses PostgreSQL's own
// pg_dump / pg_restore of the server's major version.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readMigrations } from "@/lib/migrations/apply";
import { backupDatabase, backupName, restoreDatabase } from "@/scripts/lib/backup";
import { createDatabase, dropDatabase, externalServer, freePort, scratchName } from "@/scripts/lib/postgres";
import { castVote } from "./factories-results";
import { makeOpenStudy, makeRaters } from "./factories-voting";
import { columnsDigest, tableColumns, tableDigest } from "./table-digest";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const server = externalServer(inject("serverAdminUrl"));
const created: string[] = [];
let dir: string;
let sourceUrl: string;

async function scratchDatabase(): Promise<string> {
  const name = scratchName("pairwise_restore");
  created.push(name);
  return createDatabase(server, name);
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const migrationNames = (url: string) =>
  withClient(url, async (c) => (await c.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" ORDER BY 1`)).rows.map((r) => r.name));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "pairwise-backups-"));
  sourceUrl = process.env.DATABASE_URL!;
  const { study, pairs } = await makeOpenStudy(4, { votesPerPair: 2 });
  const raters = await makeRaters(study.id, 2);
  for (const [i, pair] of pairs.entries()) {
    for (const [r, rater] of raters.entries()) {
      await castVote(study.id, { pair, raterId: rater.id, outcome: (["A", "B", "T", "X"] as const)[(i + r) % 4]!, leftIsA: r === 0 });
    }
  }
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  for (const name of created) await dropDatabase(server, name);
  await rm(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  let backupFile: string;

  it("writes a timestamped custom-format archive", async () => {
    const { file, bytes } = await backupDatabase(sourceUrl, dir);
    expect(path.basename(file)).toMatch(/^pairwise-\d{8}-\d{6}\.dump$/);
    expect(bytes).toBeGreaterThan(1000);
    backupFile = file;
  });

  it("restores into an empty database every table, row for row, with nothing left to migrate", async () => {
    const target = await scratchDatabase();
    const { applied, replacedBackup } = await restoreDatabase(backupFile, target, { backupDir: dir });
    expect(applied).toEqual([]);
    expect(replacedBackup).toBeNull();
    const [before, after] = await Promise.all([tableDigest(sourceUrl), tableDigest(target)]);
    expect(before.Vote?.rows).toBe(8);
    expect(before._prisma_migrations?.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it("refuses a database with tables unless forced, and backs it up before replacing it", async () => {
    const target = await scratchDatabase();
    await restoreDatabase(backupFile, target, { backupDir: dir });
    await expect(restoreDatabase(backupFile, target, { backupDir: dir })).rejects.toThrow(/already holds \d+ tables.*--force/);
    const { replacedBackup } = await restoreDatabase(backupFile, target, { force: true, backupDir: dir });
    expect(path.basename(replacedBackup!.file)).toMatch(/-before-restore\.dump$/);
    expect(await tableDigest(target)).toEqual(await tableDigest(sourceUrl));
  });

  it("says what is wrong with a missing file, a file of another format and a server that is down", async () => {
    const target = await scratchDatabase();
    await expect(restoreDatabase(path.join(dir, "nope.dump"), target)).rejects.toThrow(/no such backup file/);
    const plain = path.join(dir, "plain.sql");
    await writeFile(plain, "CREATE TABLE t (id int);\n");
    await expect(restoreDatabase(plain, target)).rejects.toThrow(/not a pg_dump custom-format archive/);
    const down = `postgresql://postgres@127.0.0.1:${await freePort()}/pairwise`;
    await expect(backupDatabase(down, dir)).rejects.toThrow(/cannot connect to PostgreSQL at 127\.0\.0\.1:\d+.*Is the server running\?/);
    // Nothing was restored, and nothing half-written left in the backup folder.
    expect(await tableDigest(target)).toEqual({});
    expect((await readdir(dir)).filter((f) => f.endsWith(".dump")).every((f) => /^pairwise-\d{8}-\d{6}(-before-restore)?\.dump$/.test(f))).toBe(true);
  });

  it("brings a backup of the previous release up to this tree's migrations", async () => {
    const release = await scratchDatabase();
    const fixture = (await readdir(FIXTURES)).filter((f) => /^release-.*\.sql$/.test(f)).sort((a, b) => a.localeCompare(b, "en", { numeric: true })).at(-1)!;
    await withClient(release, async (c) => c.query(await readFile(path.join(FIXTURES, fixture), "utf8")));
    const releaseMigrations = await migrationNames(release);
    const { file } = await backupDatabase(release, dir);
    const target = await scratchDatabase();
    const { applied } = await restoreDatabase(file, target);
    const current = (await readMigrations()).map((m) => m.name);
    expect(applied).toEqual(current.filter((n) => !releaseMigrations.includes(n)));
    expect(await migrationNames(target)).toEqual(current);
    // Every vote kept, each column the release had and this tree still has unchanged (a migration may drop
    // a derived column, as the agreement flags were).
    const kept = await tableColumns(target, "Vote");
    const released = await tableColumns(release, "Vote");
    const shared = kept.filter((c) => released.includes(c));
    expect(shared).toEqual(expect.arrayContaining(["id", "pairId", "raterId", "choice", "winnerOutputId", "createdAt"]));
    const [after, before] = await Promise.all([columnsDigest(target, "Vote", shared), columnsDigest(release, "Vote", shared)]);
    expect(before.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it("names backups by UTC time so they sort", () => {
    expect(backupName(new Date("2026-03-04T05:06:07.890Z"))).toBe("pairwise-20260304-050607.dump");
  });
});
