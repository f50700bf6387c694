import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
      // Its "main" is CommonJS, which would load a second @codemirror/state; use the ESM build as browsers do.
      "@prometheus-io/codemirror-promql": path.resolve(import.meta.dirname, "node_modules/@prometheus-io/codemirror-promql/dist/esm/index.js"),
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
    server: { deps: { inline: [/@prometheus-io\//] } },
    env: { BCRYPT_COST: "4", LOG_LEVEL: "silent", KEEL_SECRET_KEY: "vitest-secret-key-not-for-production" },
  },
});
