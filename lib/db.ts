// The one PrismaClient of the app (server-only), on the node-postgres driver adapter,
// so queries need no native Prisma engine; and its connection pool, for the few bulk reads and the
// rater hot paths' prepared statements.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// Next's dev server re-evaluates modules on every change; keep one client (and pool) per process.
const globalForDb = globalThis as unknown as { pairwiseDb?: PrismaClient; pairwisePool?: pg.Pool };

function pool(): pg.Pool {
  if (!globalForDb.pairwisePool) {
    const created = new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: 10,
      connectionTimeoutMillis: 5_000,
      // JIT compilation cost seconds on the results aggregates of large studies and won nothing.
      options: "-c jit=off",
      // Idle connections alone do not keep a script's process alive (the server's HTTP listener does).
      allowExitOnIdle: true,
    });
    // An idle connection that PostgreSQL closes (restart, failover, a dropped database) is an 'error'
    // event on the pool, which would end the process unhandled; the pool discards that connection and
    // opens a new one on the next query, so noting it is all there is to do. The pool is ours, not the
    // adapter's, so this listener must be too: the adapter removes its own on disconnect.
    created.on("error", (error) => console.warn(`[pairwise] database connection closed while idle: ${error.message}`));
    globalForDb.pairwisePool = created;
  }
  return globalForDb.pairwisePool;
}

function client(): PrismaClient {
  globalForDb.pairwiseDb ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.pairwiseDb;
}

// Created on first use, not on import: `next build` imports route modules without a database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const c = client();
    const value: unknown = Reflect.get(c, property, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

/**
 * Rows as arrays straight from the driver, on the same pool as `db`: for the results' aggregates of
 * large studies (thousands of rows), where the ORM's per-value mapping would cost more than it gives.
 */
export async function bulkRows(sql: { text: string; values: unknown[] }): Promise<unknown[][]> {
  const result = await pool().query<unknown[]>({ text: sql.text, values: sql.values, rowMode: "array" });
  return result.rows;
}

/**
 * A hot-path statement by name (every request's session look-up, the vote, the next-pair lease): PostgreSQL parses and plans
 * it once per connection instead of on every call, and the ORM's per-query work is skipped. Callers
 * return no timestamp columns (the driver would read them in local time): epoch milliseconds instead.
 */
export async function preparedRows<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
  const result = await pool().query({ name, text, values });
  return result.rows as T[];
}

/** The database's clock in the columns' convention (UTC timestamps without time zone), as SQL text. */
export const DB_NOW_TEXT = "(now() AT TIME ZONE 'UTC')";
/** The same, as a fragment for Prisma's tagged queries. */
export const DB_NOW = Prisma.raw(DB_NOW_TEXT);
