import client from "prom-client";

type Metrics = {
  registry: client.Registry;
  httpRequests: client.Counter<"route" | "method" | "status_class">;
  httpDuration: client.Histogram<"route" | "method" | "status_class">;
  dbPoolInUse: client.Gauge;
  dbPoolWaiting: client.Gauge;
  dbPoolMax: client.Gauge;
  loginAttempts: client.Counter<"result">;
  promUpstreamDuration: client.Histogram<"datasource" | "endpoint">;
  promUpstreamRequests: client.Counter<"datasource" | "endpoint" | "status_class">;
  promCache: client.Counter<"endpoint" | "result">;
  promCoalesced: client.Counter<"endpoint">;
  promErrors: client.Counter<"endpoint" | "class">;
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
    promUpstreamDuration: new client.Histogram({
      name: "keel_prometheus_upstream_duration_seconds",
      help: "Time Prometheus-compatible data sources took to answer the proxy, by data source and endpoint.",
      labelNames: ["datasource", "endpoint"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    promUpstreamRequests: new client.Counter({
      name: "keel_prometheus_upstream_requests_total",
      help: "Requests the proxy sent to data sources, by data source, endpoint and status class (2xx, 4xx, 5xx, error).",
      labelNames: ["datasource", "endpoint", "status_class"],
      registers,
    }),
    promCache: new client.Counter({
      name: "keel_prometheus_cache_requests_total",
      help: "Proxy cache lookups by endpoint and result (hit, miss).",
      labelNames: ["endpoint", "result"],
      registers,
    }),
    promCoalesced: new client.Counter({
      name: "keel_prometheus_coalesced_requests_total",
      help: "Proxy requests answered by joining an identical request already in flight.",
      labelNames: ["endpoint"],
      registers,
    }),
    promErrors: new client.Counter({
      name: "keel_prometheus_errors_total",
      help: "Proxy errors by endpoint and class (bad_query, timeout, unreachable, upstream_auth, upstream_error, canceled).",
      labelNames: ["endpoint", "class"],
      registers,
    }),
  };
}

/** Process-wide metrics, shared by the custom server and the app bundle through globalThis. */
export function metrics(): Metrics {
  g.__keelMetrics ??= create();
  return g.__keelMetrics;
}
