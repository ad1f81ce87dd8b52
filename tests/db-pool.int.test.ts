// The app's one connection pool (lib/db.ts), shared by Prisma and bulkRows, outlives PostgreSQL
// closing its connections: an idle connection's error must not end the process.
import pg from "pg";
import { expect, it } from "vitest";
import { bulkRows, db } from "@/lib/db";

it("survives PostgreSQL closing its idle connections, after Prisma disconnects too, and serves the next query", async () => {
  await db.$queryRaw`SELECT 1`;
  await bulkRows({ text: "SELECT 1", values: [] });
  // Prisma's adapter takes its own idle-error listener off the pool here; the pool stays ours.
  await db.$disconnect();
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const { rows } = await admin.query<{ closed: boolean }>(
    "SELECT pg_terminate_backend(pid) AS closed FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
  await admin.end();
  expect(rows.some((r) => r.closed)).toBe(true);
  // Give the idle connections' error events time to arrive (unhandled, they would fail this run).
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await bulkRows({ text: "SELECT 41 + 1 AS n", values: [] })).toEqual([[42]]);
  expect(await db.$queryRaw<{ n: number }[]>`SELECT 1::int AS n`).toEqual([{ n: 1 }]);
});
