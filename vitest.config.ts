import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", "ci-check/**"],
    environment: "node",
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    env: { BCRYPT_COST: "4", LOG_LEVEL: "silent", KEEL_SECRET_KEY: "vitest-secret-key-not-for-production" },
  },
});
