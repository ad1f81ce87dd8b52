// Server start-up work (called from instrumentation.ts); exits with a clear message on bad config.
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/migrations/apply";

async function ensureAdminFromEnv() {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return;
  const { ensureAdmin } = await import("@/lib/data/bootstrap-admin");
  await ensureAdmin(ADMIN_EMAIL.toLowerCase(), ADMIN_PASSWORD);
}

// A DATABASE_URL with data rights only cannot migrate: say which setting is missing.
function explainDenied(error: Error & { code?: string; cause?: { code?: string } }): never {
  if (error.code !== "42501" && error.cause?.code !== "42501") throw error;
  throw new Error(
    `${error.message}. DATABASE_URL's role may not change the schema: set DATABASE_MIGRATION_URL to the tables' owner, ` +
      "or PAIRWISE_RUN_MIGRATIONS=0 and apply migrations as a deploy step (docs/deployment-database.md).",
  );
}

export async function startup(): Promise<void> {
  try {
    const config = env();
    if (config.PAIRWISE_RUN_MIGRATIONS === "1") {
      const { applied } = await applyMigrations(config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL).catch(explainDenied);
      if (applied.length) console.log(`[pairwise] applied migrations: ${applied.join(", ")}`);
    }
    await ensureAdminFromEnv();
    const { pruneSignInAttempts } = await import("@/lib/data/sign-in-attempts");
    await pruneSignInAttempts();
  } catch (error) {
    console.error(`[pairwise] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
