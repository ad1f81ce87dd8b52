// Server start-up work (called from instrumentation.ts); exits with a clear message on bad config.
import { env } from "@/lib/env";
import { isLoopbackHost } from "@/lib/http/bind-host";
import { applyMigrations } from "@/lib/migrations/apply";

async function ensureAdminFromEnv() {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return;
  const { ensureAdmin } = await import("@/lib/data/bootstrap-admin");
  await ensureAdmin(ADMIN_EMAIL.toLowerCase(), ADMIN_PASSWORD);
}

// The demo's passwords are published: a server others can reach must not let them sign in.
async function refusePublishedDemoPasswords(host: string) {
  if (isLoopbackHost(host)) return;
  const { demoAccountsWithPublishedPasswords } = await import("@/lib/data/demo-accounts");
  const exposed = await demoAccountsWithPublishedPasswords();
  if (exposed.length) {
    throw new Error(
      `the server would listen on ${host}, reachable from the network, while demo accounts still have their published passwords ` +
        `(${exposed.join(", ")}). Start with \`npm start\` (it gives them random passwords, printed once), delete those accounts, ` +
        `or set HOST=127.0.0.1.`,
    );
  }
}

// A DATABASE_URL with data rights only cannot migrate: say which setting is missing.
function explainDenied(error: Error & { code?: string; cause?: { code?: string } }): never {
  if (error.code !== "42501" && error.cause?.code !== "42501") throw error;
  throw new Error(
    `${error.message}. DATABASE_URL's role may not change the schema: set DATABASE_MIGRATION_URL to the tables' owner, ` +
      "or PAIRWISE_RUN_MIGRATIONS=0 and apply migrations as a deploy step (docs/deploy.md).",
  );
}

export async function startup(): Promise<void> {
  try {
    const config = env();
    if (config.PAIRWISE_RUN_MIGRATIONS === "1") {
      const { applied, repeatable } = await applyMigrations(config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL).catch(explainDenied);
      if (applied.length) console.log(`[pairwise] applied migrations: ${applied.join(", ")}`);
      if (repeatable.length) console.log(`[pairwise] applied database rules: ${repeatable.join(", ")}`);
    }
    await ensureAdminFromEnv();
    await refusePublishedDemoPasswords(config.HOST);
    const { pruneAttempts } = await import("@/lib/data/rate-limit");
    await pruneAttempts();
  } catch (error) {
    console.error(`[pairwise] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
