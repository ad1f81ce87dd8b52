// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// Prisma's own differ (WASM schema engine), for machines that cannot download Prisma's native engine.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_MIGRATIONS_DIR } from "../lib/migrations/apply";
import { diffMigrationsToSchema } from "./lib/schema-engine";
import { scratchServer } from "./lib/server-for-scripts";

function timestamp(d = new Date()): string {
  return d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main() {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  if (!name) throw new Error("usage: npm run db:migration -- <name>");
  const server = await scratchServer();
  try {
    const sql = await diffMigrationsToSchema({
      server,
      schemaPath: path.join(process.cwd(), "prisma", "schema.prisma"),
      migrationsDir: DEFAULT_MIGRATIONS_DIR,
    });
    if (!sql.trim()) {
      console.log("schema.prisma and prisma/migrations already agree: no migration written.");
      return;
    }
    const dir = path.join(DEFAULT_MIGRATIONS_DIR, `${timestamp()}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, add any CHECK constraints, commit it.`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
