// The one PrismaClient of the app (server-only), on the node-postgres driver adapter,
// so queries need no native Prisma engine.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// Next's dev server re-evaluates modules on every change; keep one client (and pool) per process.
const globalForDb = globalThis as unknown as { pairwiseDb?: PrismaClient };

function client(): PrismaClient {
  if (!globalForDb.pairwiseDb) {
    const adapter = new PrismaPg({
      connectionString: env().DATABASE_URL,
      max: 10,
      connectionTimeoutMillis: 5_000,
      // JIT compilation cost seconds on the results aggregates of large studies and won nothing.
      options: "-c jit=off",
    });
    globalForDb.pairwiseDb = new PrismaClient({ adapter });
  }
  return globalForDb.pairwiseDb;
}

// Created on first use, not on import: `next build` imports route modules without a database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const c = client();
    const value: unknown = Reflect.get(c, property, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});
