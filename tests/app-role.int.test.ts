// The app's database role (scripts/lib/app-role.ts): the app's own data layer works through it, the
// triggers that keep tallies still run, and every way to change the schema or skip a trigger is refused.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { nextAssignment } from "@/lib/data/assignments";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import { dropAppRole, ensureAppRole, HISTORY_TABLES } from "@/scripts/lib/app-role";
import { randomPassword, scratchName } from "@/scripts/lib/postgres";
import { makeUser } from "./factories";
import { makeOpenStudy, makeRaters } from "./factories-voting";

// Roles are cluster-wide and a shared server may run other test runs at once: one name per run.
const role = scratchName("pairwise_app_test");
const ownerUrl = process.env.DATABASE_URL!;
let appUrl = "";

async function asRole<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const sqlState = (url: string, sql: string) =>
  asRole(url, (c) => c.query(sql)).then(() => "allowed", (error: { code?: string }) => error.code);

beforeAll(async () => {
  appUrl = await ensureAppRole(ownerUrl, { role, password: randomPassword() });
  // From here on the app's data layer (lib/db, the factories) connects as the role.
  process.env.DATABASE_URL = appUrl;
});

afterAll(async () => {
  await db.$disconnect();
  await dropAppRole(ownerUrl, role);
  process.env.DATABASE_URL = ownerUrl;
});

describe("the app role", () => {
  it("is what the data layer connects as, and reads and writes rows", async () => {
    expect(await db.$queryRaw`SELECT current_user AS "user"`).toEqual([{ user: role }]);
    const user = await makeUser("RESEARCHER");
    await db.user.update({ where: { id: user.id }, data: { name: "Renamed" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Renamed");
    await db.user.delete({ where: { id: user.id } });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  });

  it("leases a pair and records a vote, and the Vote trigger still counts it on the pair", async () => {
    const { study, pairs } = await makeOpenStudy(1);
    const [rater] = await makeRaters(study.id, 1);
    const served = await nextAssignment(study.id, rater!.id);
    if (isRaterError(served) || !("assignmentId" in served)) throw new Error("expected a pair");
    const reply = await recordVote(study.id, rater!.id, { assignmentId: served.assignmentId, choice: "LEFT" });
    expect(isRaterError(reply)).toBe(false);
    expect((await db.pair.findUniqueOrThrow({ where: { id: pairs[0]!.id } })).voteCount).toBe(1);
  });

  it.each([
    ['DROP TABLE "Vote"'],
    ['ALTER TABLE "Vote" DISABLE TRIGGER ALL'],
    ["CREATE TABLE x (i int)"],
    ['TRUNCATE "Vote"'],
    ["SET session_replication_role = replica"],
    ['CREATE TRIGGER t BEFORE INSERT ON "Vote" FOR EACH ROW EXECUTE FUNCTION pairwise_vote_immutable()'],
    ['CREATE INDEX i ON "Vote" ("rationale")'],
    ['SELECT * FROM "_prisma_migrations"'],
    ['SELECT * FROM "_pairwise_repeatable"'],
    [`CREATE ROLE ${role}_2`],
  ])("is refused: %s", async (sql) => {
    expect(await sqlState(appUrl, sql)).toBe("42501");
  });

  it("has exactly the data rights on every table but the migration histories", async () => {
    const grants = await asRole(ownerUrl, async (c) => {
      const { rows } = await c.query<{ table: string; rights: string }>(
        `SELECT c.relname AS table,
                concat_ws(',', CASE WHEN has_table_privilege($1, c.oid, 'SELECT') THEN 'SELECT' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'INSERT') THEN 'INSERT' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'UPDATE') THEN 'UPDATE' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'DELETE') THEN 'DELETE' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'TRUNCATE') THEN 'TRUNCATE' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'REFERENCES') THEN 'REFERENCES' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'TRIGGER') THEN 'TRIGGER' END) AS rights
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
        [role],
      );
      return rows;
    });
    expect(grants.length).toBeGreaterThan(10);
    for (const { table, rights } of grants) {
      expect([table, rights]).toEqual([table, HISTORY_TABLES.includes(table) ? "" : "SELECT,INSERT,UPDATE,DELETE"]);
    }
  });

  it("gets the same rights on a table and sequence that a later migration creates", async () => {
    await asRole(ownerUrl, (c) => c.query(`CREATE TABLE "LaterFeature" (id serial PRIMARY KEY, note text)`));
    const inserted = await asRole(appUrl, async (c) => {
      await c.query(`INSERT INTO "LaterFeature" (note) VALUES ('a'), ('b')`);
      await c.query(`UPDATE "LaterFeature" SET note = 'c' WHERE id = 1`);
      await c.query(`DELETE FROM "LaterFeature" WHERE id = 2`);
      return (await c.query(`SELECT note FROM "LaterFeature"`)).rows;
    });
    expect(inserted).toEqual([{ note: "c" }]);
    expect(await sqlState(appUrl, 'TRUNCATE "LaterFeature"')).toBe("42501");
  });

  it("gets a new password when ensured again, and refuses to be the owner", async () => {
    // The stored verifier, not a sign-in: CI's server trusts every local connection.
    const verifier = () =>
      asRole(ownerUrl, async (c) => (await c.query("SELECT rolpassword FROM pg_authid WHERE rolname = $1", [role])).rows[0].rolpassword);
    const before = await verifier();
    const again = await ensureAppRole(ownerUrl, { role, password: randomPassword() });
    expect(await verifier()).not.toBe(before);
    expect(await sqlState(again, "SELECT 1")).toBe("allowed");
    const owner = await asRole(ownerUrl, async (c) => (await c.query<{ u: string }>("SELECT current_user AS u")).rows[0]!.u);
    await expect(ensureAppRole(ownerUrl, { role: owner, password: randomPassword() })).rejects.toThrow(/must not be the owner/);
  });
});
