#!/usr/bin/env node
// Runs `prisma generate` without Prisma's engine download host: generating the
// client needs no schema engine, but the CLI checks that one exists, so we point
// it at a placeholder file unless the user already has a real engine.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const placeholder = fileURLToPath(new URL("./no-schema-engine", import.meta.url));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
