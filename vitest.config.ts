import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two projects: pure unit tests run anywhere; integration tests (*.int.test.ts)
// get a fresh PostgreSQL database per run from the global setup.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside Next's server bundle; in tests every module is server-side.
      "server-only": fileURLToPath(new URL("./tests/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // Seeded simulations (coverage of intervals) take a second or two alone and several on a busy
          // machine: a timeout here guards against hangs, not speed (speed lives in npm run bench).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["lib/**/*.int.test.ts", "tests/**/*.int.test.ts", "prisma/**/*.int.test.ts", "scripts/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["./tests/global-setup.ts"],
          setupFiles: ["./tests/setup-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
