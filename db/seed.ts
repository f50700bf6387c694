import { desc, eq } from "drizzle-orm";
import { promString } from "@/lib/prometheus/escape";
import { goldenSignals } from "@/lib/service-charts/schemas";
import { demoIncidentWindows } from "@/scripts/demo-metrics/catalogue";
import { getDb, schema } from "./index";
import { seedMaintenance } from "./seed-maintenance";
import { seedCapacity } from "./seed-capacity";
import { seedOncall } from "./seed-oncall";
import { seedEscalation } from "./seed-escalation";
import { seedPostmortems } from "./seed-postmortems";
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
  await seedCorrections();
  await seedPolicies();
  await seedIncidents();
  await seedRunbooks();
  await seedMaintenance(db);
  await seedCapacity(db);
  await seedOncall(db);
  await seedEscalation(db);
  await seedPostmortems(db);
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
  { service: "checkout-api", slug: "checkout-availability", name: "Checkout availability", sli: availability("checkout-api"), target: 0.998, slaTarget: 0.995, alertLevels: { warning: 0.9995, critical: 0.999, page: 0.995 }, window: { kind: "rolling", days: 30 }, budgeting: { method: "occurrences" }, owner: "payments", description: "Share of checkout requests answered without a 5xx. 404s are answers, not failures." },
  { service: "checkout-api", slug: "checkout-latency", name: "Checkout latency under 1 s", sli: { kind: "latency", metric: "http_request_duration_seconds", selector: '{service="checkout-api"}', thresholdSeconds: 1 }, target: 0.99, window: { kind: "rolling", days: 30 }, budgeting: { method: "occurrences" }, owner: "payments", description: "Requests served within one second." },
  { service: "payments-service", slug: "payments-availability", name: "Payments availability", sli: availability("payments-service"), target: 0.9975, slaTarget: 0.995, window: { kind: "rolling", days: 30 }, budgeting: { method: "occurrences" }, owner: "payments", description: "Card authorisations and captures without a 5xx." },
  { service: "api-gateway", slug: "gateway-availability", name: "API gateway availability", sli: availability("api-gateway"), target: 0.998, window: { kind: "rolling", days: 28 }, budgeting: { method: "occurrences" }, owner: "platform", description: "" },
  { service: "identity", slug: "identity-availability", name: "Sign-in availability", sli: availability("identity"), target: 0.998, window: { kind: "rolling", days: 30 }, budgeting: { method: "occurrences" }, owner: "platform", description: "" },
  { service: "search", slug: "search-availability", name: "Search availability", sli: availability("search"), target: 0.998, window: { kind: "rolling", days: 7 }, budgeting: { method: "occurrences" }, owner: "data", description: "Search has been degrading for four days." },
  { service: "web-storefront", slug: "storefront-monthly", name: "Storefront availability (monthly)", sli: availability("web-storefront"), target: 0.995, window: { kind: "calendar", unit: "month", timeZone: "Europe/London" }, budgeting: { method: "occurrences" }, owner: "storefront", description: "Reported to the business each calendar month." },
  { service: "payments-service", slug: "payments-incident-uptime", name: "Payments uptime (from incidents)", sli: { kind: "incidents", minSeverity: 2 }, target: 0.995, window: { kind: "rolling", days: 30 }, budgeting: { method: "occurrences" }, owner: "payments", description: "Minutes outside SEV1/SEV2 incidents (216 allowed in 30 days), counted from Keel's own incidents: the provider outage spent more than half." },
  { service: "notifications", slug: "notifications-minutes", name: "Notifications good minutes", sli: availability("notifications"), target: 0.995, window: { kind: "rolling", days: 30 }, budgeting: { method: "timeslices", sliceMinutes: 5, sliceTarget: 0.99 }, owner: "platform", description: "Share of 5-minute slices with at least 99 % of sends succeeding.", lastReviewedAt: new Date(Date.now() - 120 * 86_400_000) },
];

async function seedSlos() {
  const db = getDb();
  const rows = await db.select({ id: schema.services.id, slug: schema.services.slug }).from(schema.services);
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const values = demoSlos.flatMap(({ service, ...slo }) => (ids.has(service) ? [{ ...slo, serviceId: ids.get(service)! }] : []));
  if (values.length) await db.insert(schema.slos).values(values).onConflictDoNothing();
}

/**
 * Maintenance windows: sign-in's weekly failover drill (Sunday 02:00 London, 30 min) and a one-off
 * load test on checkout three days ago. Seeded once: an SLO that has any correction is left alone.
 */
async function seedCorrections() {
  const db = getDb();
  const slos = await db.select({ id: schema.slos.id, slug: schema.slos.slug }).from(schema.slos);
  const id = (slug: string) => slos.find((s) => s.slug === slug)?.id;
  const had = new Set((await db.select({ sloId: schema.sloCorrections.sloId }).from(schema.sloCorrections)).map((r) => r.sloId));
  const loadTest = new Date(Math.floor((Date.now() - 3 * 86_400_000) / 3_600_000) * 3_600_000);
  const rows = [
    { sloId: id("identity-availability"), reason: "Weekly database failover drill", startsAt: new Date("2026-01-04T02:00:00Z"), durationMinutes: 30, rrule: "FREQ=WEEKLY;BYDAY=SU", timeZone: "Europe/London" },
    { sloId: id("checkout-availability"), reason: "Load test with synthetic traffic (not customers)", startsAt: loadTest, durationMinutes: 45, rrule: null, timeZone: "UTC" },
  ].filter((r): r is typeof r & { sloId: string } => !!r.sloId && !had.has(r.sloId));
  if (rows.length) await db.insert(schema.sloCorrections).values(rows);
}

const MIN = 60_000;
const incidentStory: Record<string, { severity: number; commander: string; customerFacing: boolean; note: string; ongoing?: boolean }> = {
  "api-gateway-bad-deploy": { severity: 2, commander: "responder@keel.example", customerFacing: true, note: "Rolled back gateway 2.14.0; 503s stopped within two minutes." },
  "checkout-pool-exhausted": { severity: 1, commander: "responder@keel.example", customerFacing: true, note: "Pool max raised from 20 to 60 and the slow order-history query killed." },
  "event-pipeline-consumer-lag": { severity: 3, commander: "admin@keel.example", customerFacing: false, note: "Consumers scaled from 4 to 12; lag drained in 40 minutes." },
  "payments-provider-degraded": { severity: 2, commander: "responder@keel.example", customerFacing: true, note: "Traffic failed over to the secondary card provider." },
  "search-slow-degradation": { severity: 3, commander: "admin@keel.example", customerFacing: true, note: "Index segment merges are falling behind; a reindex is being prepared.", ongoing: true },
};

/**
 * The demo's incidents: the windows written into the demo metrics, declared a few minutes after
 * they began, mitigated when the metrics recover and resolved 20 minutes later; search's slow
 * degradation is still open. Seeded once (when there are no incidents).
 */
async function seedIncidents() {
  const db = getDb();
  const [any] = await db.select({ id: schema.incidents.id }).from(schema.incidents).limit(1);
  if (any) return;
  const people = await db.select({ id: schema.users.id, email: schema.users.email }).from(schema.users);
  const person = (email: string) => people.find((p) => p.email === email)?.id ?? null;
  const svc = await db.select({ id: schema.services.id, slug: schema.services.slug }).from(schema.services);
  const now = Date.now();
  for (const w of demoIncidentWindows) {
    const story = incidentStory[w.id];
    const serviceId = svc.find((x) => x.slug === w.service)?.id;
    if (!story || !serviceId) continue;
    const started = now - w.startsAgoMinutes * MIN;
    const detected = story.ongoing ? now - 26 * 60 * MIN : started + 3 * MIN;
    const acknowledged = detected + 4 * MIN;
    const mitigated = story.ongoing ? null : started + (w.durationMinutes ?? 0) * MIN;
    const resolved = mitigated === null ? null : mitigated + 20 * MIN;
    const commander = person(story.commander);
    const [row] = await db
      .insert(schema.incidents)
      .values({
        title: w.title,
        summary: story.note,
        severity: story.severity,
        status: story.ongoing ? "identified" : "resolved",
        customerFacing: story.customerFacing,
        detectedBy: story.ongoing ? "customer" : "alert",
        startedAt: new Date(started),
        detectedAt: new Date(detected),
        acknowledgedAt: new Date(acknowledged),
        mitigatedAt: mitigated === null ? null : new Date(mitigated),
        resolvedAt: resolved === null ? null : new Date(resolved),
        commanderId: commander,
        createdBy: commander,
        createdAt: new Date(detected),
        updatedAt: new Date(resolved ?? acknowledged),
      })
      .returning({ id: schema.incidents.id, number: schema.incidents.number });
    await db.insert(schema.incidentServices).values({ incidentId: row.id, serviceId });
    const sev = `SEV${story.severity}`;
    const entry = (at: number, kind: "status" | "role" | "note" | "status_update", body: string, data: Record<string, unknown> = {}, authorId: string | null = commander) => ({ incidentId: row.id, at: new Date(at), kind, body, data, authorId });
    const steps = [
      entry(detected, "status", `Declared INC-${row.number} as ${sev}: ${w.title}`, { declared: true, to: "triaging", severity: sev, services: [w.service] }),
      entry(acknowledged, "role", `${story.commander} is incident commander`, { role: "commander", from: null, to: commander }),
      entry(acknowledged, "status", "Status triaging → investigating", { from: "triaging", to: "investigating" }),
      entry(acknowledged + 6 * MIN, "status", "Status investigating → identified", { from: "investigating", to: "identified" }),
      entry(acknowledged + 8 * MIN, "note", story.note),
    ];
    const component = services.find((x) => x.slug === w.service)?.name ?? w.service;
    if (story.customerFacing) steps.push(entry(acknowledged + 3 * MIN, "status_update", `We are investigating problems with ${component}. Some requests may fail or be slow.`));
    if (story.customerFacing && resolved !== null) steps.push(entry(resolved, "status_update", `Resolved: ${component} has been working normally since ${new Date(mitigated!).toISOString().slice(11, 16)} UTC.`));
    if (mitigated !== null && resolved !== null) {
      steps.push(entry(mitigated, "status", "Status identified → monitoring", { from: "identified", to: "monitoring" }), entry(resolved, "status", "Status monitoring → resolved", { from: "monitoring", to: "resolved" }));
    }
    await db.insert(schema.incidentTimeline).values(steps.filter((e) => e.at.getTime() <= now));
  }
}

type DemoRunbook = typeof schema.runbooks.$inferInsert & { incidentTitle: string; done: number[] };

/** The demo's incident procedures, each attached to the demo incident it was written for. */
const demoRunbooks: DemoRunbook[] = [
  {
    slug: "database-connection-exhaustion",
    title: "Database connection exhaustion",
    scenario: "Services cannot get a database connection: requests queue on the pool and fail with timeouts or 503s. Usually a slow query holding connections, a traffic spike, or a pool sized for fewer instances.",
    alertNames: ["DatabasePoolExhausted", "PostgresTooManyConnections"],
    severityHint: 1,
    steps: [
      { title: "Confirm pool saturation", detail: "Postgres Primary dashboard: connections used against max_connections; the service's pool wait time." },
      { title: "Find the connection holders", detail: "select pid, state, now() - query_start as age, query from pg_stat_activity order by age desc limit 20;" },
      { title: "Kill runaway queries", detail: "select pg_terminate_backend(pid) for queries older than 5 minutes that are not migrations." },
      { title: "Raise the pool size if the database has headroom", detail: "Pool max per instance × instances must stay under max_connections minus 10 for admin sessions." },
      { title: "Open a follow-up for the slow query", detail: "Link the query plan in the incident timeline." },
    ],
    contacts: [
      { name: "Platform on-call", how: "#platform-oncall, or page the Platform rotation" },
      { name: "Database owner", how: "dba@keel.example" },
    ],
    incidentTitle: "Checkout API: database pool exhausted",
    done: [0, 1, 2, 3],
  },
  {
    slug: "high-error-rate-after-deploy",
    title: "High error rate after a deploy",
    scenario: "The 5xx rate rises within minutes of a deploy. Roll back first, investigate after.",
    alertNames: ["HighErrorRate", "GatewayHigh5xxRate"],
    severityHint: 2,
    steps: [
      { title: "Check what was deployed in the last hour", detail: "Deploy log of the service and of its dependencies." },
      { title: "Roll back to the previous release" },
      { title: "Confirm the error rate is back to normal", detail: "Watch the availability SLO's 5-minute burn rate for 10 minutes." },
      { title: "Freeze further deploys of the service until the cause is known" },
    ],
    contacts: [{ name: "Release manager", how: "#releases" }],
    incidentTitle: "API gateway: bad deploy answered 503",
    done: [0, 1, 2],
  },
  {
    slug: "payment-provider-degraded",
    title: "Payment provider degraded",
    scenario: "Card authorisations fail or slow down at one payment provider while our own services are healthy.",
    alertNames: ["PaymentProviderDegraded", "PaymentAuthorisationFailures"],
    severityHint: 2,
    steps: [
      { title: "Check the provider's status page and our error codes", detail: "Provider errors (5xx, timeouts) rather than declines." },
      { title: "Fail over traffic to the secondary provider", detail: "Feature flag payments.provider=secondary." },
      { title: "Tell support and post a status page update" },
      { title: "Fail back once the provider has been healthy for 30 minutes" },
    ],
    contacts: [
      { name: "Primary provider support", how: "+44 20 7946 0000, account KEEL-4471" },
      { name: "Payments on-call", how: "#payments-oncall" },
    ],
    incidentTitle: "Payments: card provider degraded",
    done: [0, 1],
  },
  {
    slug: "queue-backlog",
    title: "Queue backlog",
    scenario: "Consumers fall behind producers: consumer lag grows and downstream data goes stale.",
    alertNames: ["KafkaConsumerLagHigh", "QueueBacklogGrowing"],
    severityHint: 3,
    steps: [
      { title: "Check consumer health and lag per partition" },
      { title: "Scale the consumers", detail: "Up to one consumer per partition." },
      { title: "Look for a poison message", detail: "A partition stuck at one offset while others drain." },
      { title: "Watch the lag drain to zero" },
    ],
    contacts: [{ name: "Data on-call", how: "#data-oncall" }],
    incidentTitle: "Event pipeline: consumer lag",
    done: [0, 1, 3],
  },
];

/**
 * The demo's runbooks. Seeded once per runbook (by slug); a runbook created now is attached to its
 * demo incident with the steps its responders ticked, written on the timeline as they went.
 */
async function seedRunbooks() {
  const db = getDb();
  for (const { incidentTitle, done, ...runbook } of demoRunbooks) {
    const [created] = await db.insert(schema.runbooks).values(runbook).onConflictDoNothing().returning({ id: schema.runbooks.id });
    if (!created) continue;
    const [incident] = await db
      .select({ id: schema.incidents.id, acknowledgedAt: schema.incidents.acknowledgedAt, commanderId: schema.incidents.commanderId })
      .from(schema.incidents)
      .where(eq(schema.incidents.title, incidentTitle))
      .orderBy(desc(schema.incidents.number))
      .limit(1);
    if (!incident?.acknowledgedAt) continue;
    const at = (minutes: number) => new Date(Math.min(Date.now(), incident.acknowledgedAt!.getTime() + minutes * MIN));
    const steps = runbook.steps ?? [];
    await db.insert(schema.incidentRunbooks).values({ incidentId: incident.id, runbookId: created.id, done, attachedBy: incident.commanderId, attachedAt: at(1) }).onConflictDoNothing();
    await db.insert(schema.incidentTimeline).values([
      { incidentId: incident.id, at: at(1), kind: "action", authorId: incident.commanderId, body: `Attached runbook “${runbook.title}” (${steps.length} steps)`, data: { runbook: runbook.slug, change: "attached" } },
      ...done.map((step, n) => ({
        incidentId: incident.id,
        at: at(2 + 2 * n),
        kind: "action" as const,
        authorId: incident.commanderId,
        body: `Done: step ${step + 1} “${steps[step].title}” of runbook “${runbook.title}”`,
        data: { runbook: runbook.slug, step, stepTitle: steps[step].title, done: true },
      })),
    ]);
  }
}

/** Notifications (tier 3, best effort) has its own, more tolerant policy. */
async function seedPolicies() {
  const db = getDb();
  const [svc] = await db.select({ id: schema.services.id }).from(schema.services).where(eq(schema.services.slug, "notifications"));
  if (!svc) return;
  await db
    .insert(schema.budgetPolicies)
    .values({
      serviceId: svc.id,
      warningBelow: 0.3,
      exhaustedBelow: 0.1,
      actions: {
        healthy: ["Deploy normally."],
        warning: ["Batch deploys to once a day.", "Look at the top error sources in the next sprint."],
        exhausted: ["Freeze feature deploys.", "Reliability work only until the budget recovers."],
      },
      note: "Tier 3, best effort: customers get the email a little later, nothing is lost.",
    })
    .onConflictDoNothing();
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
