// Gives a script a PostgreSQL server: DATABASE_URL's, or a throwaway embedded one.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { externalServer, freePort, startEmbedded, type PostgresServer } from "./postgres";

export async function scratchServer(): Promise<PostgresServer> {
  const url = process.env.DATABASE_URL;
  if (url) return externalServer(url);
  const dir = await mkdtemp(path.join(os.tmpdir(), "pairwise-pg-"));
  // mkdtemp makes a 0700 folder; as root, PostgreSQL runs as the "postgres" user and must get in.
  await chmod(dir, 0o755);
  const server = await startEmbedded({ dataDir: path.join(dir, "data"), port: await freePort(), persistent: false, quiet: true });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
