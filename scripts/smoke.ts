// `npm run test:smoke`: the path a new user takes. `npm start` with no DATABASE_URL must bring up
// an embedded PostgreSQL, migrate, seed and serve on 127.0.0.1 only; a second start must not
// duplicate the demo. A start on a public address gives the demo accounts new passwords, and a server
// that would be public with the published ones refuses to start. So does one without an auth secret.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { serverCommand, waitForHealth } from "./lib/app-server";
import { HttpClient } from "./lib/http-client";
import { embeddedUrl, freePort, probe } from "./lib/postgres";
import { Checks } from "./lib/checks";
import { listeningAddresses } from "./lib/listening";

const checks = new Checks();
const check = checks.check.bind(checks);

type Env = Record<string, string | undefined>;

function baseEnv(): Env {
  const env: Env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_SECRET;
  delete env.NEXTAUTH_URL;
  return env;
}

// `npm start` in its own process group, so stopping it stops npm, tsx, next and postgres together.
// Its output is shown and kept (`output()`), for what it prints once.
async function npmStart(env: Env, baseUrl: string) {
  const child = spawn("npm", ["start"], { env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
    process.stdout.write(chunk);
  });
  const failed = new Promise<void>((resolve) => child.once("exit", () => resolve())).then(() => {
    throw new Error("`npm start` exited before the app was healthy");
  });
  await Promise.race([waitForHealth(baseUrl, 180_000), failed]);
  const stop = async () => {
    process.kill(-child.pid!, "SIGTERM");
    // Wait for the whole group (npm, tsx, next, postgres) to exit on its own; SIGKILL only as a last resort.
    for (let i = 0; i < 120 && groupAlive(child.pid!); i++) await new Promise((r) => setTimeout(r, 250));
    if (groupAlive(child.pid!)) process.kill(-child.pid!, "SIGKILL");
  };
  return { stop, output: () => output };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function signsIn(baseUrl: string, email: string, password: string): Promise<boolean> {
  try {
    const client = new HttpClient(baseUrl);
    await client.signIn(email, password);
    return (await client.request("GET", "/api/users")).status === 200;
  } catch {
    return false;
  }
}

// `npm run create-admin` while the app runs: it finds the embedded PostgreSQL of the running app.
async function createAdminCommand(env: Env, baseUrl: string) {
  const result = spawnSync("npm", ["run", "create-admin", "--", "--email", "cli-admin@example.org", "--password", "created by the command"], {
    env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 120_000,
  });
  check("npm run create-admin makes an admin who can sign in", result.status === 0 && (await signsIn(baseUrl, "cli-admin@example.org", "created by the command")),
    `exit ${result.status}`);
}

async function adminFromEnvironment(baseUrl: string) {
  check("ADMIN_EMAIL / ADMIN_PASSWORD create an admin at start", await signsIn(baseUrl, "env-admin@example.org", "from the environment"));
}

// The server connects as pairwise_app (data rights only); the superuser has the generated password, kept 0600.
// After the first start the data directory is made to look like one from before generated passwords
// (the old fixed password, no password file): the second start must replace that password.
async function databaseRoles(dataDir: string, pgPort: number, round: number) {
  const file = path.join(dataDir, "postgres-password");
  const modes = await Promise.all(["postgres-password", "app-role-password"].map(async (f) => (await stat(path.join(dataDir, f))).mode & 0o777));
  check(`start ${round}: database passwords are kept 0600`, modes.every((m) => m === 0o600), modes.map((m) => m.toString(8)).join(", "));
  check(`start ${round}: the old fixed superuser password is refused`, (await probe(embeddedUrl(pgPort, "pairwise"))) === "refused");
  const client = new pg.Client({ connectionString: embeddedUrl(pgPort, (await readFile(file, "utf8")).trim()) });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid WHERE a.datname = 'pairwise' AND r.rolname = 'pairwise_app' AND NOT r.rolsuper");
    check(`start ${round}: the server connects as pairwise_app`, rows[0]!.n > 0, `${rows[0]!.n} connections`);
    if (round === 1) {
      await client.query("ALTER ROLE postgres PASSWORD 'pairwise'");
      await rm(file);
    }
  } finally {
    await client.end();
  }
}

// npm can exit before PostgreSQL has finished its shutdown; the next start must find it gone.
async function postgresStopped(dataDir: string) {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  for (let i = 0; i < 120 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 250));
  check("PostgreSQL shut down with the app", !existsSync(pidFile));
}

async function startTwice(dataDir: string) {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const pgPort = await freePort();
  const env = { ...baseEnv(), PORT: String(port), PAIRWISE_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) };
  const snapshots: string[] = [];
  for (const round of [1, 2]) {
    // The second start also names a first admin through the environment.
    const { stop, output } = await npmStart(round === 1 ? env : { ...env, ADMIN_EMAIL: "env-admin@example.org", ADMIN_PASSWORD: "from the environment" }, baseUrl);
    try {
      // The database rules of prisma/sql: all installed on a new data directory, none re-run on an unchanged one.
      const rules = /applied database rules: (.*)/.exec(output())?.[1] ?? "";
      check(`start ${round}: database rules ${round === 1 ? "applied" : "already current"}`, round === 1 ? rules.includes("vote-tally.sql") : rules === "", rules);
      const addresses = listeningAddresses(port);
      check(`start ${round}: listens on 127.0.0.1 only`, addresses.length > 0 && addresses.every((a) => a === "127.0.0.1"), addresses.join(", "));
      const health = await (await fetch(`${baseUrl}/api/health`)).json();
      check(`start ${round}: /api/health with embedded PostgreSQL`, JSON.stringify(health) === '{"ok":true,"db":"up"}', JSON.stringify(health));
      const client = new HttpClient(baseUrl);
      await client.signIn("admin@example.com", "pairwise-admin");
      const { status, body } = await client.request("GET", "/api/studies");
      const demo = (body as { studies?: { isDemo: boolean }[] }).studies?.filter((s) => s.isDemo) ?? [];
      check(`start ${round}: demo admin signs in and sees one demo study`, status === 200 && demo.length === 1, `status ${status}, ${demo.length} demo studies`);
      snapshots.push(JSON.stringify(demo));
      if (round === 1) await createAdminCommand(env, baseUrl);
      else await adminFromEnvironment(baseUrl);
      if (round === 2) await refusesPublicBindWithPublishedPasswords(dataDir, pgPort);
      await databaseRoles(dataDir, pgPort, round);
    } finally {
      await stop();
      await postgresStopped(dataDir);
    }
  }
  check("second start did not duplicate or change the demo data", snapshots[0] === snapshots[1]);
  await startOnPublicAddress(env, port);
}

// The app's server itself, pointed at a public address while the demo accounts still have their
// published passwords (as after a loopback `npm start`): it must refuse, naming the accounts.
async function refusesPublicBindWithPublishedPasswords(dataDir: string, pgPort: number) {
  const appPassword = (await readFile(path.join(dataDir, "app-role-password"), "utf8")).trim();
  const { command, args, nodeOptions } = serverCommand();
  const result = spawnSync(command, args, {
    env: {
      ...baseEnv(), NODE_ENV: "production", NODE_OPTIONS: nodeOptions, HOST: "0.0.0.0", PORT: String(await freePort()),
      DATABASE_URL: `postgresql://pairwise_app:${encodeURIComponent(appPassword)}@127.0.0.1:${pgPort}/pairwise`,
      NEXTAUTH_SECRET: "x".repeat(40), PAIRWISE_RUN_MIGRATIONS: "0",
    } as NodeJS.ProcessEnv,
    encoding: "utf8", timeout: 60_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  check("a server on 0.0.0.0 refuses to start while demo accounts have their published passwords",
    result.status !== 0 && output.includes("published passwords") && output.includes("admin@example.com"), `exit ${result.status}`);
}

// HOST=0.0.0.0: reachable from the network, so the published demo passwords stop working and the new
// ones are printed once.
async function startOnPublicAddress(env: Env, port: number) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const { stop, output } = await npmStart({ ...env, HOST: "0.0.0.0", NEXTAUTH_URL: baseUrl }, baseUrl);
  try {
    check("HOST=0.0.0.0: listens on every interface", listeningAddresses(port).includes("0.0.0.0"), listeningAddresses(port).join(", "));
    check("HOST=0.0.0.0: the published demo admin password no longer signs in", !(await signsIn(baseUrl, "admin@example.com", "pairwise-admin")));
    const printed = /admin@example\.com\s+(\S+)/.exec(output())?.[1];
    check("HOST=0.0.0.0: the new demo admin password is printed once and signs in", !!printed && (await signsIn(baseUrl, "admin@example.com", printed)));
  } finally {
    await stop();
  }
}

function refusesWithoutSecret() {
  const { command, args, nodeOptions } = serverCommand();
  const result = spawnSync(command, args, {
    env: { ...baseEnv(), NODE_ENV: "production", NODE_OPTIONS: nodeOptions, PORT: "0", DATABASE_URL: "postgresql://127.0.0.1:9/none" } as NodeJS.ProcessEnv,
    encoding: "utf8", timeout: 60_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  check("production server without NEXTAUTH_SECRET refuses to start", result.status !== 0 && output.includes("NEXTAUTH_SECRET is required in production"),
    `exit ${result.status}`);
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pairwise-smoke-"));
  await chmod(dir, 0o755);
  try {
    refusesWithoutSecret();
    await startTwice(path.join(dir, "data"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  process.exit(checks.finish("smoke"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
