import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderPrometheusConfig, type ScrapeConfig } from "./config";
import { freePort, kill, Tail, waitReady } from "./process";

/**
 * Runs a real Prometheus (and promtool, to backfill history) as a child process on a loopback port.
 * Used by the demo and, through test/fixtures/prometheus.ts, by the tests.
 *
 * History is backfilled with `promtool tsdb create-blocks-from openmetrics` before the server starts,
 * so any past instant can be queried.
 */

export type { ScrapeConfig } from "./config";
export { freePort } from "./process";

export interface PrometheusBinaries {
  prometheus: string;
  promtool: string;
}

/** How to get the binaries, for messages. */
export const PROMETHEUS_INSTALL_HINT =
  "Debian/Ubuntu: apt-get install prometheus; elsewhere: download the release tarball from " +
  "https://prometheus.io/download/ and put `prometheus` and `promtool` on PATH";

function which(name: string): string | null {
  try {
    return execFileSync("sh", ["-c", 'command -v "$1"', "sh", name], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** Looks both binaries up on PATH. No CI policy here: tests decide what a missing binary means. */
export function findPrometheusBinaries(): PrometheusBinaries | { missing: string[] } {
  const prometheus = which("prometheus");
  const promtool = which("promtool");
  if (prometheus && promtool) return { prometheus, promtool };
  return { missing: [prometheus ? null : "prometheus", promtool ? null : "promtool"].filter((x): x is string => x !== null) };
}

export interface StartOptions {
  binaries: PrometheusBinaries;
  /** OpenMetrics text to backfill first (timestamps in seconds); `# EOF` is appended if missing. */
  openMetrics?: string;
  /** Or a file holding it (must end in `# EOF`); read by promtool in place, never loaded here. */
  openMetricsFile?: string;
  /**
   * A TSDB directory that outlives the server: not deleted by `stop()` or on failure. Default: a
   * fresh directory inside a temporary one that `stop()` removes.
   */
  dataDir?: string;
  /** Global scrape and evaluation interval; default 1m. */
  scrapeInterval?: string;
  /** Rule evaluation interval when it should differ from the scrape interval, e.g. "1s" in tests. */
  evaluationInterval?: string;
  /** Prometheus rule files to load (`rule_files`), absolute paths; read by Prometheus in place. */
  ruleFiles?: string[];
  /** Default none: the backfilled history is all the data there is. */
  scrapeConfigs?: ScrapeConfig[];
  /** Alertmanagers (host:port) that alerting rules notify; default none. */
  alertmanagers?: string[];
  /** `--storage.tsdb.retention.time`; default 3650d so backfilled history is never deleted. */
  retention?: string;
  /** How long to wait for `/-/ready`; default 30s. */
  readyTimeoutMs?: number;
  /** Extra command-line flags, e.g. ["--web.enable-admin-api"]. */
  extraArgs?: string[];
}

export interface RunningPrometheus {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The TSDB directory (inside a temp dir that `stop()` removes, unless `dataDir` was given). */
  dataDir: string;
  pid: number;
  /** The last lines Prometheus logged (its stderr). */
  logTail(): string;
  /** SIGTERM, then SIGKILL after 5s; removes the temp dir. Safe to call more than once. */
  stop(): Promise<void>;
}

/** Thrown when backfilling or starting fails; everything it created has already been cleaned up. */
export class PrometheusStartError extends Error {
  constructor(
    message: string,
    readonly dataDir: string,
    readonly logTail: string,
    readonly pid?: number,
  ) {
    super(message);
    this.name = "PrometheusStartError";
  }
}

// Anything still running when this process exits is stopped, even if the caller forgot stop():
// killed outright when its data was temporary, asked to shut down cleanly when the data persists.
const live = new Map<ChildProcess, { tempRoot: string; persistent: boolean }>();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const [child, { tempRoot, persistent }] of live) {
      try {
        child.kill(persistent ? "SIGTERM" : "SIGKILL");
      } catch {
        // already gone
      }
      try {
        rmSync(tempRoot, { recursive: true, force: true });
      } catch {
        // best effort
      }
    }
  });
}

/**
 * promtool cuts backfilled blocks at multiples of this (ms since the epoch): with
 * `--max-block-duration=744h` it uses the largest of Prometheus's block ranges (2h·3^k) not above
 * it, 486h. It parses its whole input once per range, so callers with a lot of history may split it
 * at these boundaries and backfill the parts in parallel.
 */
export const BACKFILL_BLOCK_MS = 486 * 3600 * 1000;

/**
 * `promtool tsdb create-blocks-from openmetrics` of `file` into `dataDir` (created if missing;
 * existing blocks are kept; several may run at once into one directory).
 */
export function backfillOpenMetrics(promtool: string, file: string, dataDir: string): Promise<void> {
  const args = ["tsdb", "create-blocks-from", "openmetrics", "--max-block-duration=744h", "--quiet", file, dataDir];
  return new Promise((resolve, reject) => {
    execFile(promtool, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const out = `${stdout}\n${stderr}`.trim().split("\n").slice(-30).join("\n");
        reject(new Error(`promtool ${args.join(" ")} failed (${err.message.split("\n")[0]}):\n${out}`));
      } else resolve();
    });
  });
}

/**
 * Backfills the given history (if any) and starts Prometheus on a free loopback port, resolving once
 * `/-/ready` answers 200.
 */
export async function startPrometheus(opts: StartOptions): Promise<RunningPrometheus> {
  installExitHook();
  const root = await mkdtemp(path.join(tmpdir(), "keel-prometheus-"));
  const persistent = opts.dataDir !== undefined;
  const dataDir = opts.dataDir ?? path.join(root, "data");
  const cleanupRoot = () => rm(root, { recursive: true, force: true });

  try {
    if (opts.openMetrics !== undefined) {
      let text = opts.openMetrics.trimEnd();
      if (!/(^|\n)# EOF$/.test(text)) text = text ? `${text}\n# EOF` : "# EOF";
      const omFile = path.join(root, "history.om");
      await writeFile(omFile, text + "\n");
      await backfillOpenMetrics(opts.binaries.promtool, omFile, dataDir);
      await rm(omFile);
    }
    if (opts.openMetricsFile !== undefined) await backfillOpenMetrics(opts.binaries.promtool, opts.openMetricsFile, dataDir);

    const configFile = path.join(root, "prometheus.yml");
    const tokenFile = (i: number) => path.join(root, `scrape-token-${i}`);
    for (const [i, s] of (opts.scrapeConfigs ?? []).entries()) {
      if (s.bearerToken) await writeFile(tokenFile(i), s.bearerToken, { mode: 0o600 });
    }
    const config = renderPrometheusConfig({
      scrapeInterval: opts.scrapeInterval,
      evaluationInterval: opts.evaluationInterval,
      ruleFiles: opts.ruleFiles,
      scrapeConfigs: opts.scrapeConfigs,
      alertmanagers: opts.alertmanagers,
      tokenFile,
    });
    await writeFile(configFile, config);

    const readyTimeoutMs = opts.readyTimeoutMs ?? 30_000;
    // The port can be taken between freePort() and Prometheus binding it; retry on that only.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const args = [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${dataDir}`,
        `--storage.tsdb.retention.time=${opts.retention ?? "3650d"}`,
        `--web.listen-address=127.0.0.1:${port}`,
        "--log.level=info",
        ...(opts.extraArgs ?? []),
      ];
      const child = spawn(opts.binaries.prometheus, args, { stdio: ["ignore", "pipe", "pipe"] });
      live.set(child, { tempRoot: root, persistent });
      // Prometheus logs to stderr; stdout only ever carries things like a usage text.
      const stderrTail = new Tail(60);
      const stdoutTail = new Tail(10);
      child.stdout!.on("data", (c) => stdoutTail.push(c));
      child.stderr!.on("data", (c) => stderrTail.push(c));
      let spawnError: Error | undefined;
      child.once("error", (e) => (spawnError = e));
      const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
      const url = `http://127.0.0.1:${port}`;

      const failure = await waitReady(child, closed, url, readyTimeoutMs, () => spawnError);
      if (!failure) {
        let stopping: Promise<void> | undefined;
        return {
          url,
          port,
          dataDir,
          pid: child.pid!,
          logTail: () => stderrTail.toString(),
          stop: () =>
            (stopping ??= (async () => {
              await kill(child);
              live.delete(child);
              await cleanupRoot();
            })()),
        };
      }

      await kill(child);
      live.delete(child);
      const logs = stderrTail.toString();
      if (attempt < 3 && /address already in use/i.test(logs)) continue;
      await cleanupRoot();
      const stdout = stdoutTail.toString();
      throw new PrometheusStartError(
        `startPrometheus: ${failure}\n--- prometheus ${args.join(" ")}\n--- stderr (last lines):\n${logs || "(none)"}` +
          (stdout ? `\n--- stdout (last lines):\n${stdout}` : ""),
        dataDir,
        logs,
        child.pid,
      );
    }
  } catch (e) {
    await cleanupRoot();
    if (e instanceof PrometheusStartError) throw e;
    throw new PrometheusStartError((e as Error).message, dataDir, "");
  }
}
