// The app's own database for `npm start` and `npm run create-admin`: DATABASE_URL when set,
// otherwise a persistent embedded PostgreSQL under .data/ (started if not already running).
import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { ensureAppRole } from "./app-role";
import { adoptPassword, embeddedUrl, ensureDatabase, externalServer, probe, randomPassword, startEmbedded, withUser } from "./postgres";

export const DATA_DIR = path.resolve(process.env.PAIRWISE_DATA_DIR ?? ".data");
const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const APP_ROLE = "pairwise_app";

export type AppDatabase = {
  /** What the server connects with: the app role on the embedded database, else DATABASE_URL. */
  url: string;
  /** The tables' owner: for migrations, the demo seed and create-admin. */
  ownerUrl: string;
  embedded: boolean;
  /** Only for the embedded database: it was already up (a running `npm start` serves it). */
  alreadyRunning?: boolean;
  /** Run after migrations: gives the embedded database's app role its rights on every table. */
  grantAppRole(): Promise<void>;
  stop(): Promise<void>;
};

// Generated once and kept beside the data (0600), like start.ts's auth-secret. Written under a temporary
// name and linked into place, so a process starting at the same moment never reads a half-written file.
async function secretFile(name: string): Promise<string> {
  const file = path.join(DATA_DIR, name);
  await mkdir(DATA_DIR, { recursive: true });
  const draft = `${file}.${randomBytes(4).toString("hex")}`;
  await writeFile(draft, randomPassword(), { mode: 0o600 });
  await link(draft, file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  await unlink(draft);
  return (await readFile(file, "utf8")).trim();
}

// A restricted DATABASE_URL needs the owner's URL beside it for migrations (docs/deploy.md).
function externalDatabase(url: string): AppDatabase {
  const ownerUrl = process.env.DATABASE_MIGRATION_URL || url;
  return { url, ownerUrl, embedded: false, grantAppRole: async () => {}, stop: async () => {} };
}

export async function appDatabase(): Promise<AppDatabase> {
  if (process.env.DATABASE_URL) return externalDatabase(process.env.DATABASE_URL);
  const password = await secretFile("postgres-password");
  const adminUrl = embeddedUrl(EMBEDDED_PORT, password);
  let stop = async () => {};
  // Another process (a running `npm start`) may already serve the embedded data directory.
  const running = await probe(adminUrl);
  // One started by an older version still has the initial password (now replaced).
  if (running === "refused") await adoptPassword(EMBEDDED_PORT, password);
  if (running === "down") {
    console.log(`[pairwise] no DATABASE_URL: starting embedded PostgreSQL (data in ${path.relative(process.cwd(), DATA_DIR)}/postgres, port ${EMBEDDED_PORT})`);
    const dataDir = path.join(DATA_DIR, "postgres");
    const server = await startEmbedded({ dataDir, port: EMBEDDED_PORT, persistent: true, quiet: true, password });
    stop = () => server.stop();
  }
  const ownerUrl = await ensureDatabase(externalServer(adminUrl), "pairwise");
  const appRole = { role: APP_ROLE, password: await secretFile("app-role-password") };
  const grantAppRole = async () => {
    await ensureAppRole(ownerUrl, appRole);
  };
  const alreadyRunning = running !== "down";
  return { url: withUser(ownerUrl, appRole.role, appRole.password), ownerUrl, embedded: true, alreadyRunning, grantAppRole, stop };
}
