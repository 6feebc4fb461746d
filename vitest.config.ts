import { defineConfig } from "vitest/config";

// One test run for the whole repository. Unit tests live next to the code (*.test.ts);
// HTTP tests run the in-process server against a real database; browser tests live in apps/web/e2e.
export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "apps/*/test/**/*.test.ts",
      "apps/web/e2e/**/*.test.ts",
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
