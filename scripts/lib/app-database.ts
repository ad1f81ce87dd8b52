// The app's own database for `npm start` and `npm run create-admin`: DATABASE_URL when set,
// otherwise a persistent embedded PostgreSQL under .data/ (started if not already running).
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbedded, withDatabase } from "./postgres";

export const DATA_DIR = path.resolve(process.env.PAIRWISE_DATA_DIR ?? ".data");
const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const EMBEDDED_URL = `postgresql://postgres:pairwise@127.0.0.1:${EMBEDDED_PORT}/postgres`;

export type AppDatabase = { url: string; embedded: boolean; stop(): Promise<void> };

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function appDatabase(): Promise<AppDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  // Another process (a running `npm start`) may already serve the embedded data directory.
  if (await answers(EMBEDDED_URL)) {
    return { url: withDatabase(EMBEDDED_URL, "pairwise"), embedded: true, stop: async () => {} };
  }
  console.log(`[pairwise] no DATABASE_URL: starting embedded PostgreSQL (data in ${path.relative(process.cwd(), DATA_DIR)}/postgres, port ${EMBEDDED_PORT})`);
  const server = await startEmbedded({ dataDir: path.join(DATA_DIR, "postgres"), port: EMBEDDED_PORT, persistent: true, quiet: true });
  const url = await ensureDatabase(server, "pairwise");
  return { url, embedded: true, stop: () => server.stop() };
}
