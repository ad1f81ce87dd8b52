// The page-weight part of `npm run bench` (BENCH_ONLY=page-weight): the demo study's rating page,
// measured by page-weight.ts on its own demo-seeded database and production server.
import { randomBytes } from "node:crypto";
import { applyMigrations } from "@/lib/migrations/apply";
import { startAppServer } from "../lib/app-server";
import { createDatabase, dropDatabase, freePort, scratchName, withClient, type PostgresServer } from "../lib/postgres";
import { measurePage, type PageWeight } from "./page-weight";

/** Cold loads of the rating page; each starts from a fresh browser, so the rater gets a new pair each time. */
export async function ratingPageWeights(server: PostgresServer, runs: number): Promise<PageWeight[]> {
  const name = scratchName("pairwise_bench_page");
  try {
    const url = await createDatabase(server, name);
    await applyMigrations(url);
    // lib/db reads DATABASE_URL when first imported: this part runs on its own database.
    process.env.DATABASE_URL = url;
    const { seedDemo } = await import("@/lib/demo/seed-demo");
    const { DEMO_ACCOUNTS } = await import("@/lib/data/demo-accounts");
    await seedDemo();
    const studyId = await withClient(url, async (c) =>
      (await c.query<{ id: string }>(`SELECT id FROM "Study" WHERE "isDemo" LIMIT 1`)).rows[0]!.id);
    const rater = DEMO_ACCOUNTS.find((a) => a.role === "RATER")!;
    const app = await startAppServer(await freePort(), { DATABASE_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") });
    try {
      const results: PageWeight[] = [];
      for (let i = 0; i < runs; i++) results.push(await measurePage(app.baseUrl, `/studies/${studyId}/rate`, rater));
      return results;
    } finally {
      await app.stop();
    }
  } finally {
    await dropDatabase(server, name).catch(() => {});
  }
}
