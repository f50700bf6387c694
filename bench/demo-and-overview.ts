/**
 * Bench: cold start of `npm run demo` (time to the first 200 from /api/ready) and the latency of the
 * overview page under 20 concurrent signed-in connections, on embedded PGlite and on PostgreSQL.
 *
 *   npx tsx bench/demo-and-overview.ts [--build] [--pg postgres://postgres@127.0.0.1:5432/postgres]
 *
 * Without --build the last `next build` is reused (the build itself is measured separately).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
// @ts-expect-error autocannon ships no types
import autocannon from "autocannon";
import { signIn } from "./lib/sign-in";
import { percentile } from "./lib/stats";

type Client = { on(event: "response", cb: (status: number, bytes: number, ms: number) => void): void };

const args = process.argv.slice(2);
const withBuild = args.includes("--build");
const pgIdx = args.indexOf("--pg");
const pgServer = pgIdx >= 0 ? args[pgIdx + 1] : undefined;
const durationSeconds = 20;

async function waitReady(base: string, t0: number, child: ChildProcess): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`demo exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/ready`)).status === 200) return (performance.now() - t0) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function loadOverview(base: string, cookie: string) {
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await autocannon({
    url: `${base}/`,
    connections: 20,
    duration: durationSeconds,
    headers: { cookie },
    setupClient: (client: Client) => {
      client.on("response", (status: number, _bytes: number, ms: number) => {
        if (status !== 200) non2xx++;
        latencies.push(ms);
      });
    },
  });
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, rps: result.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), non2xx };
}

async function run(label: string, env: Record<string, string>, port: number) {
  const base = `http://localhost:${port}`;
  const t0 = performance.now();
  // Keel alone: the demo's Prometheus backfill (12–18 s) is measured by scripts/demo-metrics, not here.
  const child = spawn("npx", ["tsx", "scripts/demo.ts", "--no-prometheus", ...(withBuild ? [] : ["--no-build"])], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    const ready = await waitReady(base, t0, child);
    const cookie = await signIn(base);
    // First requests compile nothing (production build) but warm caches; measured separately from the load run.
    for (let i = 0; i < 20; i++) await fetch(`${base}/`, { headers: { cookie } });
    const load = await loadOverview(base, cookie);
    console.log(JSON.stringify({ database: label, coldStartToReadySeconds: Number(ready.toFixed(2)), overview: load }));
  } finally {
    process.kill(-child.pid!, "SIGTERM");
  }
}

await run("pglite", { KEEL_DATA_DIR: mkdtempSync(path.join(tmpdir(), "keel-bench-")), DATABASE_URL: "" }, 3201);
if (pgServer) {
  const name = `keel_bench_${Date.now()}`;
  const admin = postgres(pgServer, { max: 1 });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(pgServer);
  u.pathname = `/${name}`;
  try {
    await run("postgres", { KEEL_DATA_DIR: mkdtempSync(path.join(tmpdir(), "keel-bench-")), DATABASE_URL: u.toString() }, 3202);
  } finally {
    await new Promise((r) => setTimeout(r, 1000));
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
