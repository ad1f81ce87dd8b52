// schema.prisma and prisma/migrations must describe the same database: Prisma's own differ
// (WASM schema engine) finds no difference, and the generated client can read every field.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_MIGRATIONS_DIR, readMigrations } from "@/lib/migrations/apply";
import { diffMigrationsToSchema } from "@/scripts/lib/schema-engine";
import { externalServer } from "@/scripts/lib/postgres";

const server = externalServer(inject("serverAdminUrl"));
const schemaPath = path.join(process.cwd(), "prisma", "schema.prisma");

describe("schema drift", () => {
  it("finds no difference between the migrations and schema.prisma", async () => {
    const sql = await diffMigrationsToSchema({ server, schemaPath, migrationsDir: DEFAULT_MIGRATIONS_DIR });
    expect(sql).toBe("");
  });

  it("does notice when a migration lacks something schema.prisma has", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pairwise-drift-"));
    try {
      await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
      const [first] = await readMigrations(dir);
      const file = path.join(dir, first!.name, "migration.sql");
      const sql = await readFile(file, "utf8");
      const withoutIndex = sql.replace(/CREATE UNIQUE INDEX "Vote_pairId_raterId_key"[^;]*;/, "");
      expect(withoutIndex).not.toBe(sql);
      await writeFile(file, withoutIndex);
      const diff = await diffMigrationsToSchema({ server, schemaPath, migrationsDir: dir });
      expect(diff).toContain('"Vote_pairId_raterId_key"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("lets the generated client select every scalar field of every model", async () => {
    const delegates = db as unknown as Record<string, { findFirst(args: object): Promise<unknown> }>;
    const models = Object.values(Prisma.ModelName);
    expect(models.length).toBeGreaterThan(10);
    for (const model of models) {
      const fields = Object.values((Prisma as unknown as Record<string, Record<string, string>>)[`${model}ScalarFieldEnum`]!);
      const select = Object.fromEntries(fields.map((f) => [f, true]));
      const delegate = delegates[model.charAt(0).toLowerCase() + model.slice(1)]!;
      // A missing table or column makes this query fail.
      await expect(delegate.findFirst({ select }), model).resolves.not.toBeUndefined();
    }
  });
});
