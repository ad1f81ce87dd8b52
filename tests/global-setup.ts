// Vitest global setup for integration tests: a fresh, migrated database per run, on
// DATABASE_URL's server when set, else on a throwaway embedded PostgreSQL. Dropped afterwards.
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../lib/migrations/apply";
import { createDatabase, dropDatabase, scratchName } from "../scripts/lib/postgres";
import { scratchServer } from "../scripts/lib/server-for-scripts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await scratchServer();
  const name = scratchName("pairwise_test");
  const url = await createDatabase(server, name);
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  project.provide("serverAdminUrl", server.adminUrl);
  return async () => {
    await dropDatabase(server, name);
    await server.stop();
  };
}
