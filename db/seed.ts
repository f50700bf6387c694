import { eq } from "drizzle-orm";
import { promString } from "@/lib/prometheus/escape";
import { goldenSignals } from "@/lib/service-charts/schemas";
import { getDb, schema } from "./index";
import { hashPassword } from "@/lib/auth/passwords";
import type { Role } from "@/lib/auth/roles";

export const demoUsers: { email: string; name: string; role: Role; password: string; team: string }[] = [
  { email: "admin@keel.example", name: "Ada Admin", role: "admin", password: "keel-admin-demo", team: "platform" },
  { email: "responder@keel.example", name: "Rory Responder", role: "responder", password: "keel-responder-demo", team: "payments" },
  { email: "viewer@keel.example", name: "Vera Viewer", role: "viewer", password: "keel-viewer-demo", team: "storefront" },
];

const teams = [
  { slug: "platform", name: "Platform", description: "Shared infrastructure: gateway, identity, databases." },
  { slug: "payments", name: "Payments", description: "Checkout, billing and the payment providers." },
  { slug: "storefront", name: "Storefront", description: "The customer-facing web and mobile experience." },
  { slug: "data", name: "Data", description: "Search, recommendations and the event pipeline." },
];

const wiki = "https://wiki.keel.example/runbooks";
const git = "https://git.keel.example";
const dash = "https://grafana.keel.example/d";

const services: { slug: string; name: string; team: string; tier: number; public: boolean; description: string; labels: Record<string, string> }[] = [
  { slug: "api-gateway", name: "API Gateway", team: "platform", tier: 1, public: true, description: "Edge routing, TLS termination and rate limiting for every public API.", labels: { lang: "go", env: "prod" } },
  { slug: "identity", name: "Identity", team: "platform", tier: 1, public: true, description: "Sign-in, sessions and OAuth for customers.", labels: { lang: "kotlin", env: "prod" } },
  { slug: "postgres-primary", name: "Postgres Primary", team: "platform", tier: 1, public: false, description: "The main OLTP database cluster.", labels: { kind: "database", env: "prod" } },
  { slug: "checkout-api", name: "Checkout API", team: "payments", tier: 1, public: true, description: "Cart to order: pricing, taxes and order creation.", labels: { lang: "typescript", env: "prod" } },
  { slug: "payments-service", name: "Payments Service", team: "payments", tier: 1, public: true, description: "Card authorisation and capture through the payment providers.", labels: { lang: "java", pci: "true" } },
  { slug: "billing", name: "Billing", team: "payments", tier: 2, public: false, description: "Invoices, subscriptions and dunning.", labels: { lang: "ruby" } },
  { slug: "web-storefront", name: "Web Storefront", team: "storefront", tier: 1, public: true, description: "The customer web shop (server-rendered).", labels: { lang: "typescript" } },
  { slug: "mobile-bff", name: "Mobile BFF", team: "storefront", tier: 2, public: true, description: "Backend for the iOS and Android apps.", labels: { lang: "go" } },
  { slug: "notifications", name: "Notifications", team: "storefront", tier: 3, public: false, description: "Email and push notifications to customers.", labels: { lang: "python" } },
  { slug: "search", name: "Search", team: "data", tier: 2, public: true, description: "Product search and autocomplete.", labels: { lang: "java", engine: "opensearch" } },
  { slug: "recommendations", name: "Recommendations", team: "data", tier: 3, public: false, description: "Personalised product recommendations.", labels: { lang: "python" } },
  { slug: "event-pipeline", name: "Event Pipeline", team: "data", tier: 2, public: false, description: "Kafka ingestion and stream processing of clickstream events.", labels: { lang: "scala" } },
];

/** Seeds the demo organisation. Idempotent: existing rows (by slug or email) are left as they are. */
export async function seedDemo(): Promise<{ created: boolean }> {
  const db = getDb();
  const existing = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, demoUsers[0].email));
  await db.insert(schema.teams).values(teams).onConflictDoNothing();
  const teamRows = await db.select({ id: schema.teams.id, slug: schema.teams.slug }).from(schema.teams);
  const teamId = (slug: string) => teamRows.find((t) => t.slug === slug)?.id ?? null;
  for (const u of demoUsers) {
    await db
      .insert(schema.users)
      .values({ email: u.email, name: u.name, role: u.role, teamId: teamId(u.team), passwordHash: existing.length ? null : await hashPassword(u.password) })
      .onConflictDoNothing();
  }
  await db
    .insert(schema.services)
    .values(
      services.map((s) => ({
        ...s,
        teamId: teamId(s.team),
        links: { runbook: `${wiki}/${s.slug}`, repository: `${git}/${s.team}/${s.slug}`, dashboard: `${dash}/${s.slug}` },
      })),
    )
    .onConflictDoNothing();
  await seedServiceCharts();
  await seedSlos();
  return { created: existing.length === 0 };
}

const availability = (service: string) => ({
  kind: "ratio" as const,
  bad: `http_requests_total{service="${service}",code=~"5.."}`,
  total: `http_requests_total{service="${service}"}`,
});

/**
 * The demo's SLOs. Targets sit above each service's usual error rate, so the story is the incidents
 * in the demo metrics: search's ongoing degradation exhausts its budget (deploys freeze), checkout's
 * pool exhaustion and payments' provider trouble leave them in Warning, the rest are Healthy.
 */
const demoSlos: (Omit<typeof schema.slos.$inferInsert, "serviceId"> & { service: string })[] = [
  { service: "checkout-api", slug: "checkout-availability", name: "Checkout availability", sli: availability("checkout-api"), target: 0.998, slaTarget: 0.995, window: { kind: "rolling", days: 30 }, budgeting: { method: "occurrences" }, owner: "payments", description: "Share of checkout requests answered without a 5xx. 404s are answers, not failures." },
  { service: "checkout-api", slug: "checkout-latency", name: "Checkout latency under 1 s", sli: { kind: "latency", metric: "http_request_duration_seconds", selector: '{service="checkout-api"}', thresholdSeconds: 1 }, target: 0.99, window: { kind: "rolling", days: 30 }, budgeting: { method: "occurrences" }, owner: "payments", description: "Requests served within one second." },
  { service: "payments-service", slug: "payments-availability", name: "Payments availability", sli: availability("payments-service"), target: 0.9975, slaTarget: 0.995, window: { kind: "rolling", days: 30 }, budgeting: { method: "occurrences" }, owner: "payments", description: "Card authorisations and captures without a 5xx." },
  { service: "api-gateway", slug: "gateway-availability", name: "API gateway availability", sli: availability("api-gateway"), target: 0.998, window: { kind: "rolling", days: 28 }, budgeting: { method: "occurrences" }, owner: "platform", description: "" },
  { service: "identity", slug: "identity-availability", name: "Sign-in availability", sli: availability("identity"), target: 0.998, window: { kind: "rolling", days: 30 }, budgeting: { method: "occurrences" }, owner: "platform", description: "" },
  { service: "search", slug: "search-availability", name: "Search availability", sli: availability("search"), target: 0.998, window: { kind: "rolling", days: 7 }, budgeting: { method: "occurrences" }, owner: "data", description: "Search has been degrading for four days." },
  { service: "web-storefront", slug: "storefront-monthly", name: "Storefront availability (monthly)", sli: availability("web-storefront"), target: 0.995, window: { kind: "calendar", unit: "month", timeZone: "Europe/London" }, budgeting: { method: "occurrences" }, owner: "storefront", description: "Reported to the business each calendar month." },
  { service: "notifications", slug: "notifications-minutes", name: "Notifications good minutes", sli: availability("notifications"), target: 0.995, window: { kind: "rolling", days: 30 }, budgeting: { method: "timeslices", sliceMinutes: 5, sliceTarget: 0.99 }, owner: "platform", description: "Share of 5-minute slices with at least 99 % of sends succeeding." },
];

async function seedSlos() {
  const db = getDb();
  const rows = await db.select({ id: schema.services.id, slug: schema.services.slug }).from(schema.services);
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const values = demoSlos.flatMap(({ service, ...slo }) => (ids.has(service) ? [{ ...slo, serviceId: ids.get(service)! }] : []));
  if (values.length) await db.insert(schema.slos).values(values).onConflictDoNothing();
}

/** Extra saturation charts where the demo metrics have a gauge for it. */
const saturation: Record<string, { title: string; query: string; unit: string; legend: string }[]> = {
  "postgres-primary": [
    { title: "Connections used", query: 'pg_stat_activity_count{service="postgres-primary"} / pg_settings_max_connections{service="postgres-primary"}', unit: "ratio", legend: "of max_connections" },
    { title: "Disk used", query: '1 - node_filesystem_avail_bytes{service="postgres-primary"} / node_filesystem_size_bytes{service="postgres-primary"}', unit: "ratio", legend: "{{mountpoint}}" },
  ],
  "event-pipeline": [
    { title: "Queue depth", query: 'queue_depth{service="event-pipeline"}', unit: "short", legend: "{{queue}}" },
    { title: "Disk used", query: '1 - node_filesystem_avail_bytes{service="event-pipeline"} / node_filesystem_size_bytes{service="event-pipeline"}', unit: "ratio", legend: "{{mountpoint}}" },
  ],
};

/** The golden signals pinned on every demo service that has none yet. */
async function seedServiceCharts() {
  const db = getDb();
  const rows = await db.select({ id: schema.services.id, slug: schema.services.slug }).from(schema.services);
  const pinned = new Set((await db.selectDistinct({ id: schema.serviceCharts.serviceId }).from(schema.serviceCharts)).map((r) => r.id));
  for (const svc of rows) {
    if (pinned.has(svc.id) || !services.some((s) => s.slug === svc.slug)) continue;
    const signals = svc.slug === "postgres-primary" ? [] : goldenSignals(promString(svc.slug));
    const charts = [...signals, ...(saturation[svc.slug] ?? [])];
    if (charts.length) await db.insert(schema.serviceCharts).values(charts.map((c, position) => ({ ...c, serviceId: svc.id, position })));
  }
}
