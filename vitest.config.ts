import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two projects: pure unit tests run anywhere; integration tests (*.int.test.ts)
// get a fresh PostgreSQL database per run from the global setup.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,components,app,scripts}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["{lib,tests,scripts,prisma}/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["./tests/global-setup.ts"],
          setupFiles: ["./tests/server-only-shim.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
