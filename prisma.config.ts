import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate, and migrate for anyone who can reach Prisma's
// engine download host). The app itself migrates with lib/migrations/apply.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
