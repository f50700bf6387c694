import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import path from "node:path";
import compression from "compression";
import next from "next";
import { migrate } from "@/db/migrate";
import { closeDb } from "@/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { routeLabel, routePatterns } from "./route-label";
import { clientIp } from "./client-ip";

/** Paths that carry a secret (the Alertmanager webhook's secret URL) are logged without it. */
function redactSecrets(pathname: string): string {
  return pathname.replace(/^(\/api\/v1\/integrations\/alertmanager\/)[^/]+/, "$1[redacted]");
}

/**
 * Keel's HTTP server: Next.js behind a thin layer that applies migrations before listening, gives
 * every request an id and a trusted client address, and records request metrics and access logs.
 */
export async function startServer(opts: { port: number; hostname?: string; dev?: boolean }) {
  env(); // fail fast on bad configuration
  const log = logger();
  await migrate();
  const app = next({ dev: opts.dev ?? false, dir: process.cwd(), hostname: opts.hostname, port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const patterns = routePatterns(path.join(process.cwd(), "app"));
  const m = metrics();
  const hops = env().KEEL_TRUSTED_PROXY_HOPS;

  // Next's own compression applies only under `next start`; behind this server Keel compresses
  // (pages, scripts and API answers such as the Prometheus proxy's JSON, typically 5× smaller).
  // Event streams are left alone so their messages are not held back in a buffer.
  // Level 1: a fifth of the size for about a third of level 6's CPU (222 KiB of proxied JSON → 50 KiB).
  const compress = compression({
    threshold: 2048,
    level: 1,
    filter: (req, res) => {
      // Next sets Content-Type as a one-element array, which the default filter does not read.
      const type = [res.getHeader("Content-Type") ?? ""].flat().join(", ");
      if (type.startsWith("text/event-stream")) return false;
      res.setHeader("Content-Type", type);
      return compression.filter(req, res);
    },
  });

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
    req.headers["x-request-id"] = requestId;
    // The socket address, or behind N trusted proxies the address the outermost one saw;
    // a client cannot claim another IP.
    req.headers["x-keel-client-ip"] = clientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
    res.setHeader("x-request-id", requestId);
    const pathname = (req.url ?? "/").split("?")[0];
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const labels = { route: routeLabel(patterns, pathname), method: req.method ?? "GET", status_class: `${Math.floor(res.statusCode / 100)}xx` };
      m.httpRequests.inc(labels);
      m.httpDuration.observe(labels, seconds);
      if (labels.route !== "/_next") {
        log.info({ requestId, method: req.method, path: redactSecrets(pathname), route: labels.route, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
      }
    });
    compress(req as never, res as never, () => {
      handle(req, res).catch((err: unknown) => {
        log.error({ err, requestId }, "request failed");
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port, opts.hostname, resolve));
  log.info({ port: opts.port, database: env().DATABASE_URL ? "postgres" : "pglite" }, `Keel listening on http://${opts.hostname ?? "localhost"}:${opts.port}`);

  const stop = async () => {
    log.info("shutting down");
    // Finish requests in flight (up to 10 s), then close the database.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
    await app.close?.();
    await closeDb();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}
