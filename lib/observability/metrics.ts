import client from "prom-client";

type Metrics = {
  registry: client.Registry;
  httpRequests: client.Counter<"route" | "method" | "status_class">;
  httpDuration: client.Histogram<"route" | "method" | "status_class">;
  dbPoolInUse: client.Gauge;
  dbPoolWaiting: client.Gauge;
  dbPoolMax: client.Gauge;
  loginAttempts: client.Counter<"result">;
};

const g = globalThis as unknown as { __keelMetrics?: Metrics };

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "keel_" });
  const registers = [registry];
  return {
    registry,
    httpRequests: new client.Counter({
      name: "keel_http_requests_total",
      help: "HTTP requests served, by route pattern, method and status class.",
      labelNames: ["route", "method", "status_class"],
      registers,
    }),
    httpDuration: new client.Histogram({
      name: "keel_http_request_duration_seconds",
      help: "HTTP request duration in seconds, by route pattern, method and status class.",
      labelNames: ["route", "method", "status_class"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    dbPoolInUse: new client.Gauge({
      name: "keel_db_pool_connections_in_use",
      help: "Database connections running a query or transaction.",
      registers,
    }),
    dbPoolWaiting: new client.Gauge({
      name: "keel_db_pool_waiting",
      help: "Queries waiting for a free database connection.",
      registers,
    }),
    dbPoolMax: new client.Gauge({
      name: "keel_db_pool_connections_max",
      help: "Configured maximum database connections.",
      registers,
    }),
    loginAttempts: new client.Counter({
      name: "keel_login_attempts_total",
      help: "Sign-in attempts by result (success, failure, rate_limited).",
      labelNames: ["result"],
      registers,
    }),
  };
}

/** Process-wide metrics, shared by the custom server and the app bundle through globalThis. */
export function metrics(): Metrics {
  g.__keelMetrics ??= create();
  return g.__keelMetrics;
}
