/**
 * The Keel server Playwright tests run against: a production build on a fresh database
 * (a temporary PGlite directory, or DATABASE_URL as CI sets it), seeded with the demo organisation.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3100);
process.env.KEEL_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "keel-e2e-"));
(process.env as Record<string, string>).NODE_ENV = "production";

const { applyLocalDefaults } = await import("../server/defaults");
applyLocalDefaults(port);
const { migrate } = await import("../db/migrate");
const { seedDemo } = await import("../db/seed");
await migrate();
await seedDemo();
const { startServer } = await import("../server/index");
await startServer({ port, hostname: "127.0.0.1" });
