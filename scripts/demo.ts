/**
 * `npm run demo`: build, migrate, seed the demo organisation (once), start a local Prometheus with
 * 35 days of demo metrics (when `prometheus` and `promtool` are installed) and start Keel.
 * Flags: --no-build to reuse the last build; --no-prometheus to start without the demo Prometheus.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { applyLocalDefaults } from "../server/defaults";
import { startDemoPrometheus } from "./demo-metrics/start";

const port = Number(process.env.PORT ?? 3000);
const t0 = Date.now();
if (!process.argv.includes("--no-build") || !existsSync(".next/BUILD_ID")) {
  console.log("Building Keel (next build)…");
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
(process.env as Record<string, string>).NODE_ENV = "production";
applyLocalDefaults(port);

/**
 * Starts the demo Prometheus and sets PROMETHEUS_URL (Keel registers it as the default data source
 * at start). Never fails the demo: without Prometheus, Keel runs with no metrics and the banner says
 * how to get them.
 */
async function demoPrometheus(): Promise<string> {
  if (process.argv.includes("--no-prometheus")) return "not started (--no-prometheus)";
  if (process.env.PROMETHEUS_URL) return `${process.env.PROMETHEUS_URL} (from PROMETHEUS_URL; no demo metrics generated)`;
  try {
    const p = await startDemoPrometheus({ keelPort: port, dataDir: process.env.KEEL_DATA_DIR ?? ".data", log: (line) => console.log(line) });
    if ("missing" in p) return p.missing;
    process.env.PROMETHEUS_URL = p.url;
    // The Policy page's history, filled once from the demo metrics (see lib/slo/policy-backfill.ts).
    process.env.KEEL_POLICY_BACKFILL_DAYS ??= "30";
    return `${p.url} (35 days of demo metrics; ready in ${(p.timings.totalMs / 1000).toFixed(1)} s)`;
  } catch (e) {
    return `could not be started, so the demo has no metrics: ${(e as Error).message}`;
  }
}

// Prometheus is prepared (history generated and backfilled by promtool) while the database is
// migrated and seeded.
const prometheus = demoPrometheus();
const { migrate } = await import("../db/migrate");
const { seedDemo, demoUsers } = await import("../db/seed");
await migrate();
const { created } = await seedDemo();
const prometheusLine = await prometheus;
const { startServer } = await import("../server/index");
await startServer({ port });

const db = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${process.env.KEEL_DATA_DIR ?? ".data"}/pglite`;
console.log(`
Keel is running at http://localhost:${port}  (database: ${db}; ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)
Prometheus: ${prometheusLine}
${created ? "Seeded the demo organisation." : "Demo data already present; kept as it is."}
Sign in as:
${demoUsers.map((u) => `  ${u.role.padEnd(9)} ${u.email.padEnd(24)} password: ${u.password}`).join("\n")}
Stop with Ctrl+C.`);
