// The one PrismaClient of the app (server-only), on the node-postgres driver adapter,
// so queries need no native Prisma engine; and its connection pool, for the few bulk reads and the
// rater hot paths' prepared statements. With DATABASE_REPLICA_URL, a second client and pool on a
// read replica for the researcher-facing reads that may lag (results, exports); writes never go there.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// Next's dev server re-evaluates modules on every change; keep one client (and pool) per process.
const globalForDb = globalThis as unknown as {
  pairwiseDb?: PrismaClient; pairwisePool?: pg.Pool; pairwiseReplicaDb?: PrismaClient; pairwiseReplicaPool?: pg.Pool;
};

/** Where a read goes: the primary, or the replica (which is the primary when none is configured). */
export type ReadSource = "primary" | "replica";

const hasReplica = () => env().DATABASE_REPLICA_URL !== undefined;

function pool(): pg.Pool {
  globalForDb.pairwisePool ??= newPool(env().DATABASE_URL);
  return globalForDb.pairwisePool;
}

function replicaPool(): pg.Pool {
  const url = env().DATABASE_REPLICA_URL;
  if (url === undefined) return pool();
  globalForDb.pairwiseReplicaPool ??= newPool(url);
  return globalForDb.pairwiseReplicaPool;
}

/** Per sort or hash node, and only what a query needs: a results request holds a few at a time. */
export const RESULTS_WORK_MEM = "32MB";

function newPool(connectionString: string): pg.Pool {
  const created = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: 5_000,
    // JIT compilation cost seconds on the results aggregates of large studies and won nothing. The
    // results' sorts and hashed grouping sets over 100,000 pairs spill to disk at the default 4 MB.
    options: `-c jit=off -c work_mem=${RESULTS_WORK_MEM}`,
    // Idle connections alone do not keep a script's process alive (the server's HTTP listener does).
    allowExitOnIdle: true,
  });
  // An idle connection that PostgreSQL closes (restart, failover, a dropped database) is an 'error'
  // event on the pool, which would end the process unhandled; the pool discards that connection and
  // opens a new one on the next query, so noting it is all there is to do. The pool is ours, not the
  // adapter's, so this listener must be too: the adapter removes its own on disconnect.
  created.on("error", (error) => console.warn(`[pairwise] database connection closed while idle: ${error.message}`));
  return created;
}

function client(): PrismaClient {
  globalForDb.pairwiseDb ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.pairwiseDb;
}

function replicaClient(): PrismaClient {
  if (!hasReplica()) return client();
  globalForDb.pairwiseReplicaDb ??= new PrismaClient({ adapter: new PrismaPg(replicaPool()) });
  return globalForDb.pairwiseReplicaDb;
}

// Created on first use, not on import: `next build` imports route modules without a database.
function lazyClient(get: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      const c = get();
      const value: unknown = Reflect.get(c, property, c);
      return typeof value === "function" ? value.bind(c) : value;
    },
  });
}

/** The primary: every write, and every read that must see the latest write. */
export const db: PrismaClient = lazyClient(client);

/**
 * The read replica when DATABASE_REPLICA_URL is set, else the primary: only for researcher-facing
 * reads that may be a moment behind (results, exports). A hot standby refuses writes.
 */
export const dbRead: PrismaClient = lazyClient(replicaClient);

/** The client of a read source (for data functions whose callers choose). */
export function dbFrom(source: ReadSource): PrismaClient {
  return source === "replica" ? dbRead : db;
}

/**
 * Rows as arrays straight from the driver, on the pool of `db` or `dbRead`: for the results' aggregates of
 * large studies (thousands of rows), where the ORM's per-value mapping would cost more than it gives.
 */
export async function bulkRows(sql: { text: string; values: unknown[] }, source: ReadSource = "primary"): Promise<unknown[][]> {
  const from = source === "replica" ? replicaPool() : pool();
  const result = await from.query<unknown[]>({ text: sql.text, values: sql.values, rowMode: "array" });
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
