// Vitest global setup for integration tests: one migrated template database per run, on
// DATABASE_URL's server when set, else on a throwaway embedded PostgreSQL. Each test file then
// gets its own copy (tests/setup-env.ts), so files cannot see each other's rows.
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../lib/migrations/apply";
import { createDatabase, dropDatabase, scratchName } from "../scripts/lib/postgres";
import { scratchServer } from "../scripts/lib/server-for-scripts";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    serverAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await scratchServer();
  const template = scratchName("pairwise_test");
  await applyMigrations(await createDatabase(server, template));
  project.provide("templateDatabase", template);
  project.provide("serverAdminUrl", server.adminUrl);
  return async () => {
    await dropDatabase(server, template);
    await server.stop();
  };
}
