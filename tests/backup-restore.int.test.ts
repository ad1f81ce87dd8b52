// `npm run backup` / `npm run restore` against a real PostgreSQL: a round trip gives back every table
// (row counts and a hash of the rows), a database with tables is refused unless forced, and bad input
// gets a clear error. Uses PostgreSQL's own pg_dump / pg_restore of the server's major version.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase, backupName, restoreDatabase } from "@/scripts/lib/backup";
import { createDatabase, dropDatabase, externalServer, freePort, scratchName } from "@/scripts/lib/postgres";
import { castVote } from "./factories-results";
import { makeOpenStudy, makeRaters } from "./factories-voting";
import { tableDigest } from "./table-digest";

const server = externalServer(inject("serverAdminUrl"));
const created: string[] = [];
let dir: string;
let sourceUrl: string;

async function scratchDatabase(): Promise<string> {
  const name = scratchName("pairwise_restore");
  created.push(name);
  return createDatabase(server, name);
}

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

  it("names backups by UTC time so they sort", () => {
    expect(backupName(new Date("2026-03-04T05:06:07.890Z"))).toBe("pairwise-20260304-050607.dump");
  });
});
