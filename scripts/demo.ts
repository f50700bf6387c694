/**
 * `npm run demo`: build, migrate, seed the demo organisation (once) and start Keel.
 * Flags: --no-build to reuse the last build.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { applyLocalDefaults } from "../server/defaults";

const port = Number(process.env.PORT ?? 3000);
const t0 = Date.now();
if (!process.argv.includes("--no-build") || !existsSync(".next/BUILD_ID")) {
  console.log("Building Keel (next build)…");
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
(process.env as Record<string, string>).NODE_ENV = "production";
applyLocalDefaults(port);

const { migrate } = await import("../db/migrate");
const { seedDemo, demoUsers } = await import("../db/seed");
await migrate();
const { created } = await seedDemo();
const { startServer } = await import("../server/index");
await startServer({ port });

const db = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${process.env.KEEL_DATA_DIR ?? ".data"}/pglite`;
console.log(`
Keel is running at http://localhost:${port}  (database: ${db}; ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)
${created ? "Seeded the demo organisation." : "Demo data already present; kept as it is."}
Sign in as:
${demoUsers.map((u) => `  ${u.role.padEnd(9)} ${u.email.padEnd(24)} password: ${u.password}`).join("\n")}
Stop with Ctrl+C.`);
