import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two projects: fast pure-logic unit tests, and integration tests that need a PostgreSQL
// (DATABASE_URL, or the embedded one started by the global setup).
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.int.test.ts"],
          exclude: ["node_modules/**"],
          environment: "node",
          globalSetup: ["./tests/global-setup.ts"],
          setupFiles: ["./tests/setup-env.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Runs after the Playwright suite (scripts/test.ts), when a production build exists.
        extends: true,
        test: {
          name: "harness",
          include: ["tests/**/*.harness.test.ts"],
          environment: "node",
          globalSetup: ["./tests/global-setup.ts"],
          setupFiles: ["./tests/setup-env.ts"],
          testTimeout: 900_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
