// `npm run test:e2e`: Playwright in Chromium against a production build, on a fresh, migrated,
// demo-seeded database (DATABASE_URL's server, or a throwaway embedded PostgreSQL).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { applyMigrations } from "@/lib/migrations/apply";
import { dropAppRole, ensureAppRole, scratchAppRole } from "./lib/app-role";
import { startAppServer } from "./lib/app-server";
import { createDatabase, dropDatabase, freePort, scratchName } from "./lib/postgres";
import { scratchServer } from "./lib/server-for-scripts";

async function main(): Promise<number> {
  const pgServer = await scratchServer();
  const name = scratchName("pairwise_e2e");
  const role = scratchAppRole();
  try {
    const url = await createDatabase(pgServer, name);
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const { seedDemo } = await import("@/lib/demo/seed-demo");
    await seedDemo();
    const app = await startAppServer(await freePort(), {
      // The server runs as a role with data rights only, so a feature that needs DDL at run time fails here.
      DATABASE_URL: await ensureAppRole(url, role),
      DATABASE_MIGRATION_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      // Low enough for e2e/auth.spec.ts to reach it quickly; every test shares one address.
      SIGNIN_MAX_FAILURES_PER_ACCOUNT: "5",
      SIGNIN_MAX_FAILURES_PER_ADDRESS: "1000",
      // Small enough for e2e/hostile-input.spec.ts to exceed without a huge request.
      UPLOAD_MAX_BYTES: String(16 * 1024 * 1024),
    });
    try {
      const cli = ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)];
      const result = spawnSync(process.execPath, cli, {
        stdio: "inherit",
        env: { ...process.env, E2E_BASE_URL: app.baseUrl, E2E_DATABASE_URL: url },
      });
      return result.status ?? 1;
    } finally {
      await app.stop();
    }
  } finally {
    await dropDatabase(pgServer, name).catch(() => {});
    await dropAppRole(pgServer.adminUrl, role.role);
    await pgServer.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
