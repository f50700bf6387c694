/**
 * What the demo metrics are: the services (db/seed.ts slugs), their traffic profiles, the incidents
 * written into the history, and the series layout shared by the backfill and the live exporter.
 *
 * Metric catalogue (names and labels are a contract: SLO and capacity features query them):
 *   http_requests_total{service, code="200"|"404"|"500"|"503"}        counter, all 12 services
 *       (for postgres-primary: queries answered through its connection pooler)
 *   http_request_duration_seconds_bucket{service, le}                 histogram, every service except
 *   http_request_duration_seconds_count{service}                      postgres-primary (a database has
 *   http_request_duration_seconds_sum{service}                        no HTTP latency worth an SLO);
 *       le in 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, +Inf; _count = sum over codes of http_requests_total
 *   pg_stat_activity_count{service="postgres-primary"}                gauge: connections
 *   pg_settings_max_connections{service="postgres-primary"}           gauge: 200
 *   pg_database_size_bytes{service="postgres-primary", datname="keel_app"}   gauge, +1.5 %/week
 *   node_filesystem_size_bytes / node_filesystem_avail_bytes
 *       {service="postgres-primary", mountpoint="/var/lib/postgresql"} and
 *       {service="event-pipeline", mountpoint="/data"}                gauges (event-pipeline resized)
 *   queue_depth{service="event-pipeline", queue="events"}             gauge
 * 404s are answers, not failures: an availability SLO counts code=~"5.." as bad.
 */

export const DEMO_SERVICES = [
  "api-gateway",
  "identity",
  "postgres-primary",
  "checkout-api",
  "payments-service",
  "billing",
  "web-storefront",
  "mobile-bff",
  "notifications",
  "search",
  "recommendations",
  "event-pipeline",
] as const;
export type DemoService = (typeof DEMO_SERVICES)[number];

export const STATUS_CODES = ["200", "404", "500", "503"] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

/** Upper bounds of the latency histogram, as written in the `le` label (identical in backfill and live). */
export const LATENCY_BUCKETS = ["0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "+Inf"] as const;

export interface ServiceProfile {
  service: DemoService;
  /** Mean requests per second over a weekday (the daily shape swings around it). */
  rps: number;
  /** Daily swing: rate × (1 + daily·cos(2π(h − 15)/24)), peak 15:00 UTC, trough 03:00 UTC. */
  daily: number;
  /** Rate factor on Saturdays and Sundays (UTC). */
  weekend: number;
  /** Usual share of 5xx answers (split 65 % 500, 35 % 503). */
  errorRatio: number;
  /** Median latency in seconds (log-normal), and the log-normal sigma. */
  latencyMedian: number;
  latencySigma: number;
  /** Whether the latency histogram is exported. */
  histogram: boolean;
}

/** Share of 404 answers (±20 % noise); they count as good. */
export const NOT_FOUND_RATIO = 0.01;

export const SERVICE_PROFILES: readonly ServiceProfile[] = [
  { service: "api-gateway", rps: 400, daily: 0.45, weekend: 0.7, errorRatio: 0.0008, latencyMedian: 0.03, latencySigma: 0.7, histogram: true },
  { service: "identity", rps: 120, daily: 0.45, weekend: 0.75, errorRatio: 0.0005, latencyMedian: 0.05, latencySigma: 0.6, histogram: true },
  { service: "postgres-primary", rps: 350, daily: 0.4, weekend: 0.75, errorRatio: 0.0003, latencyMedian: 0.004, latencySigma: 1, histogram: false },
  { service: "checkout-api", rps: 60, daily: 0.5, weekend: 0.8, errorRatio: 0.001, latencyMedian: 0.12, latencySigma: 0.6, histogram: true },
  { service: "payments-service", rps: 25, daily: 0.5, weekend: 0.8, errorRatio: 0.0015, latencyMedian: 0.25, latencySigma: 0.55, histogram: true },
  { service: "billing", rps: 8, daily: 0.3, weekend: 0.5, errorRatio: 0.002, latencyMedian: 0.15, latencySigma: 0.7, histogram: true },
  { service: "web-storefront", rps: 180, daily: 0.5, weekend: 0.85, errorRatio: 0.0007, latencyMedian: 0.18, latencySigma: 0.6, histogram: true },
  { service: "mobile-bff", rps: 90, daily: 0.55, weekend: 0.9, errorRatio: 0.001, latencyMedian: 0.09, latencySigma: 0.65, histogram: true },
  { service: "notifications", rps: 15, daily: 0.35, weekend: 0.8, errorRatio: 0.003, latencyMedian: 0.2, latencySigma: 0.8, histogram: true },
  { service: "search", rps: 140, daily: 0.5, weekend: 0.85, errorRatio: 0.001, latencyMedian: 0.06, latencySigma: 0.6, histogram: true },
  { service: "recommendations", rps: 45, daily: 0.5, weekend: 0.85, errorRatio: 0.002, latencyMedian: 0.11, latencySigma: 0.7, histogram: true },
  { service: "event-pipeline", rps: 300, daily: 0.3, weekend: 0.8, errorRatio: 0.0005, latencyMedian: 0.02, latencySigma: 0.5, histogram: true },
];

/**
 * The incidents written into the history, relative to the history's anchor (the end of the backfill,
 * i.e. when the demo started): the window is [anchor − startsAgoMinutes, + durationMinutes).
 *   api-gateway        2d 03:20 ago, 15 min: 4 % 503 (bad deploy rolled back)
 *   checkout-api       6d 04:40 ago, 40 min: 8 % 503, latency ×3 (connection pool exhausted)
 *   event-pipeline     9d 07:00 ago, 90 min: consumer lag, queue_depth up to ~250 000, then drains
 *   payments-service  12d 01:00 ago, 2 h: 1.5 % 500, latency ×2 (card provider degraded)
 *   search             4d ago until now and on: 5xx rising linearly by +0.5 % and latency to ×1.6
 *                      (slow degradation, still going: it keeps burning search's error budget)
 * `errorRatio` is the share of all requests in the window answered with `code` (on top of the usual
 * errors); for the ramp it is the share reached at its end.
 */
export interface DemoIncidentWindow {
  id: string;
  service: DemoService;
  title: string;
  startsAgoMinutes: number;
  durationMinutes: number;
  /** "burst": constant over the window; "ramp": rises linearly from 0 and holds after the window. */
  shape: "burst" | "ramp";
  code?: "500" | "503";
  errorRatio?: number;
  /** Multiplies the median latency (for a ramp: reached at the end). */
  latencyFactor?: number;
  /** Peak of queue_depth (queue backlog incidents). */
  queuePeak?: number;
}

export const demoIncidentWindows: readonly DemoIncidentWindow[] = [
  { id: "api-gateway-bad-deploy", service: "api-gateway", title: "API gateway: bad deploy answered 503", startsAgoMinutes: 2 * 1440 + 200, durationMinutes: 15, shape: "burst", code: "503", errorRatio: 0.04, latencyFactor: 1.5 },
  { id: "checkout-pool-exhausted", service: "checkout-api", title: "Checkout API: database pool exhausted", startsAgoMinutes: 6 * 1440 + 280, durationMinutes: 40, shape: "burst", code: "503", errorRatio: 0.08, latencyFactor: 3 },
  { id: "event-pipeline-consumer-lag", service: "event-pipeline", title: "Event pipeline: consumer lag", startsAgoMinutes: 9 * 1440 + 420, durationMinutes: 90, shape: "burst", queuePeak: 250_000 },
  { id: "payments-provider-degraded", service: "payments-service", title: "Payments: card provider degraded", startsAgoMinutes: 12 * 1440 + 60, durationMinutes: 120, shape: "burst", code: "500", errorRatio: 0.015, latencyFactor: 2 },
  { id: "search-slow-degradation", service: "search", title: "Search: index degradation", startsAgoMinutes: 4 * 1440, durationMinutes: 4 * 1440, shape: "ramp", code: "500", errorRatio: 0.005, latencyFactor: 1.6 },
];

/** Capacity events (not incidents). */
export const demoCapacityEvents = [
  { id: "event-pipeline-disk-resize", service: "event-pipeline" as DemoService, title: "Event pipeline /data resized from 1 TiB to 2 TiB", startsAgoMinutes: 20 * 1440 },
] as const;

/** A window's [start, end) in unix seconds, for a history anchored at `anchorSeconds`. */
export function windowTimes(w: { startsAgoMinutes: number; durationMinutes?: number }, anchorSeconds: number): { start: number; end: number } {
  const start = anchorSeconds - w.startsAgoMinutes * 60;
  return { start, end: start + (w.durationMinutes ?? 0) * 60 };
}

// ---------------------------------------------------------------------------------------------
// Series layout: every cumulative series ("counter slot") and gauge has an index; the families
// list says how to write them.
// ---------------------------------------------------------------------------------------------

export type Slot = { kind: "counter" | "gauge"; index: number };

export interface LayoutSample {
  /** "_total", "_bucket", "_count", "_sum" or "" */
  suffix: string;
  extraLabels?: Record<string, string>;
  slot: Slot;
}

export interface LayoutFamily {
  name: string;
  type: "counter" | "gauge" | "histogram";
  help: string;
  metrics: { labels: Record<string, string>; samples: LayoutSample[] }[];
}

export const GAUGES = [
  { name: "pg_stat_activity_count", labels: { service: "postgres-primary" }, help: "Connections to the database (demo data)." },
  { name: "pg_settings_max_connections", labels: { service: "postgres-primary" }, help: "max_connections setting (demo data)." },
  { name: "pg_database_size_bytes", labels: { service: "postgres-primary", datname: "keel_app" }, help: "Database size in bytes (demo data)." },
  { name: "node_filesystem_size_bytes", labels: { service: "postgres-primary", mountpoint: "/var/lib/postgresql" }, help: "Filesystem size in bytes (demo data)." },
  { name: "node_filesystem_avail_bytes", labels: { service: "postgres-primary", mountpoint: "/var/lib/postgresql" }, help: "Filesystem space available in bytes (demo data)." },
  { name: "node_filesystem_size_bytes", labels: { service: "event-pipeline", mountpoint: "/data" }, help: "Filesystem size in bytes (demo data)." },
  { name: "node_filesystem_avail_bytes", labels: { service: "event-pipeline", mountpoint: "/data" }, help: "Filesystem space available in bytes (demo data)." },
  { name: "queue_depth", labels: { service: "event-pipeline", queue: "events" }, help: "Messages waiting in the queue (demo data)." },
] as const;

export interface DemoLayout {
  families: LayoutFamily[];
  counterCount: number;
  gaugeCount: number;
  /** Counter slot of http_requests_total{service, code}. */
  requestSlot(service: DemoService, code: StatusCode): number;
  /** First counter slot of a service's histogram: buckets (LATENCY_BUCKETS order), then _count, _sum; -1 if none. */
  histogramSlot(service: DemoService): number;
}

function buildLayout(): DemoLayout {
  let counters = 0;
  const requestSlots = new Map<string, number>();
  const histogramSlots = new Map<string, number>();

  const requests: LayoutFamily = { name: "http_requests", type: "counter", help: "HTTP requests answered, by service and status code (demo data).", metrics: [] };
  for (const service of DEMO_SERVICES) {
    for (const code of STATUS_CODES) {
      requestSlots.set(`${service} ${code}`, counters);
      requests.metrics.push({ labels: { service, code }, samples: [{ suffix: "_total", slot: { kind: "counter", index: counters++ } }] });
    }
  }

  const latency: LayoutFamily = { name: "http_request_duration_seconds", type: "histogram", help: "HTTP request latency in seconds (demo data).", metrics: [] };
  for (const p of SERVICE_PROFILES) {
    if (!p.histogram) continue;
    histogramSlots.set(p.service, counters);
    const samples: LayoutSample[] = LATENCY_BUCKETS.map((le) => ({ suffix: "_bucket", extraLabels: { le }, slot: { kind: "counter", index: counters++ } }));
    samples.push({ suffix: "_count", slot: { kind: "counter", index: counters++ } });
    samples.push({ suffix: "_sum", slot: { kind: "counter", index: counters++ } });
    latency.metrics.push({ labels: { service: p.service }, samples });
  }

  const gaugeFamilies = new Map<string, LayoutFamily>();
  GAUGES.forEach((g, index) => {
    let f = gaugeFamilies.get(g.name);
    if (!f) gaugeFamilies.set(g.name, (f = { name: g.name, type: "gauge", help: g.help, metrics: [] }));
    f.metrics.push({ labels: { ...g.labels }, samples: [{ suffix: "", slot: { kind: "gauge", index } }] });
  });

  return {
    families: [requests, latency, ...gaugeFamilies.values()],
    counterCount: counters,
    gaugeCount: GAUGES.length,
    requestSlot: (service, code) => requestSlots.get(`${service} ${code}`)!,
    histogramSlot: (service) => histogramSlots.get(service) ?? -1,
  };
}

export const demoLayout: DemoLayout = buildLayout();
