// Server start-up work (called from instrumentation.ts); exits with a clear message on bad config.
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/migrations/apply";

async function ensureAdminFromEnv() {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return;
  const { ensureAdmin } = await import("@/lib/data/bootstrap-admin");
  await ensureAdmin(ADMIN_EMAIL.toLowerCase(), ADMIN_PASSWORD);
}

export async function startup(): Promise<void> {
  try {
    const config = env();
    if (config.PAIRWISE_RUN_MIGRATIONS === "1") {
      const { applied } = await applyMigrations(config.DATABASE_URL);
      if (applied.length) console.log(`[pairwise] applied migrations: ${applied.join(", ")}`);
    }
    await ensureAdminFromEnv();
    const { pruneAttempts } = await import("@/lib/data/rate-limit");
    await pruneAttempts();
  } catch (error) {
    console.error(`[pairwise] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
