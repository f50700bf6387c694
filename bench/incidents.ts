/**
 * Bench: (a) Alertmanager webhook ingestion throughput, (b) the incident list with 100,000
 * incidents in PostgreSQL.
 *
 *   npx tsx --conditions=react-server bench/incidents.ts [--pg postgres://postgres@127.0.0.1:5432/postgres]
 *       [--groups 400] [--concurrency 8] [--incidents 100000] [--runs 50]
 *
 * (`--conditions=react-server` makes Keel's `import "server-only"` resolvable outside Next.)
 *
 * Keel runs in this process on a fresh database created on the given server (dropped at the end),
 * as the unit tests do; its modules are imported after DATABASE_URL points there.
 *
 * (a) Each of `--groups` Alertmanager groups is delivered four times, in order, through the route
 *     handler of POST /api/v1/integrations/alertmanager with a responder's API token (token
 *     lookup, JSON parsing, validation, the transaction under the group's advisory lock, the audit
 *     entry): 3 firing alerts (opens the incident), the same again (a retry: unchanged), 4 firing
 *     (one new alert), all 4 resolved (the incident moves to monitoring). `--concurrency` groups are
 *     in flight at once. One alert name in five has a runbook, so auto-attach runs too. Reported:
 *     alerts/s and deliveries/s over the wall time, p50/p95/p99 per delivery; then a check that
 *     every group opened exactly one incident and ended in monitoring.
 * (b) `--incidents` incidents are inserted with generate_series (a year of history, 5 minutes
 *     apart; 1 or 2 services each; 5 or 6 timeline entries each; the newest 150 still open), then
 *     ANALYZE. `listIncidents` (what the list page and GET /api/v1/incidents call) is timed for: the
 *     first page; a page filtered by status + severity + service; a full-text search; a keyset page
 *     90 % of the way down (90,000 incidents deep). 5 warm-up calls then `--runs` calls each, one after the other; p50/p95.
 *     The SQL of the slowest is shown with EXPLAIN (ANALYZE, BUFFERS).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { cleanup, createBenchDatabase, f1 as ms, flag, log, onCleanup } from "./lib/harness";
import { median, percentile } from "./lib/stats";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root); // db/migrate.ts finds the migrations from the working directory
const pgServer = flag("--pg") ?? "postgres://postgres@127.0.0.1:5432/postgres";
const GROUPS = Number(flag("--groups") ?? 400);
const CONCURRENCY = Number(flag("--concurrency") ?? 8);
const INCIDENTS = Number(flag("--incidents") ?? 100_000);
const RUNS = Number(flag("--runs") ?? 50);
const POOL = Math.max(10, CONCURRENCY + 2);

const SERVICES = ["api-gateway", "identity", "postgres-primary", "checkout-api", "payments-service", "billing", "web-storefront", "mobile-bff", "notifications", "search", "recommendations", "event-pipeline"];
const ALERTS = ["HighErrorRate", "HighLatencyP95", "DatabasePoolExhausted", "PodCrashLooping", "DiskFillingUp", "CertificateExpiring", "QueueBacklogGrowing", "TargetDown", "SloBurnRateFast", "NodeNotReady"];

async function createDatabase(): Promise<{ url: string; sql: postgres.Sql }> {
  const url = await createBenchDatabase(pgServer, "keel_bench_incidents");
  return { url, sql: postgres(url, { max: POOL, onnotice: () => {} }) };
}

/** Runs `task(i)` for i in [0, n) with at most `limit` in flight. */
async function pool(n: number, limit: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => {
    while (next < n) await task(next++);
  }));
}

/** The bulk history: incidents, their services and timelines, in three INSERT … SELECT statements. */
function historySql(n: number): string[] {
  const names = `(array[${SERVICES.map((s) => `'${s.split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join(" ")}'`).join(",")}])`;
  const what = `(array['elevated 5xx after deploy','latency spike','database pool exhausted','card provider degraded','consumer lag','disk filling up','certificate expired','memory leak','cache stampede','DNS resolution failures','rate limiter misconfigured','search index corruption','slow queries after migration','TLS handshake errors','queue backlog','region failover'])`;
  return [
    `insert into incidents (title, summary, severity, status, customer_facing, detected_by, started_at, detected_at, acknowledged_at, mitigated_at, resolved_at, closed_at, commander_id, created_at, updated_at)
     select t.title, t.summary, t.sev, t.status::incident_status, g % 3 = 0, (array['alert','user','customer'])[1 + g % 3]::incident_detected_by,
            t.started, t.detected, t.ack, t.mitigated, t.resolved, t.closed, u.ids[1 + g % array_length(u.ids, 1)], t.detected, coalesce(t.closed, t.resolved, t.detected)
     from generate_series(1, ${n}) g
     cross join (select array_agg(id order by email) ids from users) u
     cross join lateral (select ${names}[1 + g % 12] svc, ${what}[1 + (g * 7) % 16] w, now() - g * interval '5 minutes' - (g * 37 % 300) * interval '1 second' s) b
     cross join lateral (select case when g <= 150 then (array['triaging','investigating','identified','monitoring'])[1 + g % 4] when g % 7 = 0 then 'resolved' else 'closed' end st) c
     cross join lateral (select
            b.svc || ': ' || b.w title,
            'Responders saw ' || b.w || ' on ' || b.svc || '; ' || ${what}[1 + (g * 11) % 16] || ' was ruled out. Follow-up ' || g || '.' summary,
            case when g % 20 = 0 then 1 when g % 5 = 1 then 2 when g % 2 = 0 then 3 else 4 end sev,
            c.st status,
            b.s started,
            b.s + (1 + g % 15) * interval '1 minute' detected,
            case when c.st = 'triaging' then null else b.s + (2 + g % 15 + g % 30) * interval '1 minute' end ack,
            case when c.st in ('monitoring','resolved','closed') then b.s + (20 + g % 15 + g % 30 + g % 120) * interval '1 minute' end mitigated,
            case when c.st in ('resolved','closed') then b.s + (40 + g % 15 + g % 30 + g % 120) * interval '1 minute' end resolved,
            case when c.st = 'closed' then b.s + interval '2 days' end closed) t`,
    `insert into incident_services (incident_id, service_id)
     select i.id, s.id from incidents i join services s on s.name = split_part(i.title, ':', 1)
     union
     select i.id, s.id from incidents i join services s on s.slug = (array[${SERVICES.map((s) => `'${s}'`).join(",")}])[1 + (i.number * 5) % 12] where i.number % 4 = 0`,
    `insert into incident_timeline (incident_id, at, kind, author_id, body, data)
     select id, detected_at, 'status', commander_id, 'Declared INC-' || number || ': ' || title, '{"declared":true,"to":"triaging"}'::jsonb from incidents
     union all select id, acknowledged_at, 'role', commander_id, 'Commander assigned', '{"role":"commander"}'::jsonb from incidents where acknowledged_at is not null
     union all select id, acknowledged_at, 'status', commander_id, 'Status triaging → investigating', '{"from":"triaging","to":"investigating"}'::jsonb from incidents where acknowledged_at is not null
     union all select id, acknowledged_at + interval '5 minutes', 'note', commander_id, 'Checked dashboards; ' || summary, '{}'::jsonb from incidents where acknowledged_at is not null
     union all select id, mitigated_at, 'status', commander_id, 'Status investigating → monitoring', '{"from":"investigating","to":"monitoring"}'::jsonb from incidents where mitigated_at is not null
     union all select id, resolved_at, 'status', commander_id, 'Status monitoring → resolved', '{"from":"monitoring","to":"resolved"}'::jsonb from incidents where resolved_at is not null`,
  ];
}

async function main() {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  const machine = `${execFileSync("nproc", { encoding: "utf8" }).trim()} × ${cpu}, Node ${process.version}`;
  const { url, sql } = await createDatabase();
  onCleanup(() => sql.end({ timeout: 5 }));
  const keelDir = mkdtempSync(path.join(tmpdir(), "keel-bench-incidents-"));
  onCleanup(async () => rmSync(keelDir, { recursive: true, force: true }));
  Object.assign(process.env, { DATABASE_URL: url, DATABASE_POOL_MAX: String(POOL), KEEL_DATA_DIR: keelDir, LOG_LEVEL: "error", NODE_ENV: "production" });

  // Keel's modules, on a handle that records the SQL it sends (for EXPLAIN).
  const { schema, setDbHandle } = await import("../db");
  const captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle(sql, { schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } });
  setDbHandle({ kind: "postgres", db, close: async () => {}, url });
  const { migrate } = await import("../db/migrate");
  const { makeUser } = await import("../test/fixtures/principals");
  const { createService } = await import("../lib/services/queries");
  const { serviceInputSchema } = await import("../lib/services/schemas");
  const { createToken } = await import("../lib/tokens/queries");
  const { createRunbook } = await import("../lib/runbooks/queries");
  const { listIncidents } = await import("../lib/incidents/queries");
  const { encodeCursor } = await import("../lib/pagination");
  const { testPayload } = await import("../lib/integrations/alertmanager-test-fixtures");
  const { POST: alertmanagerWebhook } = await import("../app/api/v1/integrations/alertmanager/route");
  const pgVersion = ((await sql`show server_version`) as unknown as { server_version: string }[])[0].server_version;

  await migrate();
  const admin = await makeUser("admin", "bench-admin@keel.example");
  const responder = await makeUser("responder", "bench-responder@keel.example");
  const viewer = await makeUser("viewer", "bench-viewer@keel.example");
  for (let n = 0; n < 17; n++) await makeUser("responder", `bench-responder-${n}@keel.example`);
  for (const slug of SERVICES) await createService(admin, serviceInputSchema.parse({ slug, name: slug.split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join(" ") }));
  for (const name of ALERTS.filter((_, n) => n % 5 === 2)) await createRunbook(admin, { slug: `bench-${name.toLowerCase()}`, title: `Bench ${name}`, alertNames: [name], steps: [{ title: "Look" }, { title: "Fix" }] });
  const { token } = await createToken(admin, { email: responder.email, name: "bench-alertmanager" });
  log(`database ready on PostgreSQL ${pgVersion}; ${machine}`);

  // ------------------------------------------------------------------ (a) webhook ingestion
  const deliveriesOf = (g: number) => {
    const key = `{}/{}:{alertname="${ALERTS[g % ALERTS.length]}", cluster="c${g}"}`;
    const alert = (n: number, status: "firing" | "resolved" = "firing") => ({
      name: ALERTS[g % ALERTS.length],
      fingerprint: `g${g}a${n}`,
      status,
      labels: { severity: ["critical", "warning", "info"][g % 3], service: SERVICES[g % SERVICES.length], cluster: `c${g}`, instance: `10.0.${g % 250}.${n}:9100` },
      annotations: { summary: `${ALERTS[g % ALERTS.length]} on ${SERVICES[g % SERVICES.length]} (cluster c${g})` },
      startsAt: new Date(Date.now() - 600_000).toISOString(),
      ...(status === "resolved" ? { endsAt: new Date().toISOString() } : {}),
    });
    const three = [0, 1, 2].map((n) => alert(n));
    return [three, three, [...three, alert(3)], [0, 1, 2, 3].map((n) => alert(n, "resolved"))].map((alerts) => JSON.stringify(testPayload(key, alerts)));
  };
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let alertCount = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await pool(GROUPS, CONCURRENCY, async (g) => {
    for (const body of deliveriesOf(g)) {
      const start = performance.now();
      const res = await alertmanagerWebhook(new Request("http://keel.bench/api/v1/integrations/alertmanager", { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body }));
      latencies.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`delivery answered ${res.status}: ${await res.text()}`);
      const r = (await res.json()) as { outcome: string };
      outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
      alertCount += (JSON.parse(body) as { alerts: unknown[] }).alerts.length;
    }
  });
  const wallS = (performance.now() - t0) / 1000;
  const statementsPerDelivery = captured.length / latencies.length;
  captured.length = 0;
  const cpuS = (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6;
  const [check] = (await sql`select count(*)::int incidents, count(*) filter (where status = 'monitoring')::int monitoring, count(distinct alert_group_key_hash)::int groups from incidents`) as unknown as { incidents: number; monitoring: number; groups: number }[];
  const [attached] = (await sql`select count(*)::int n from incident_runbooks`) as unknown as { n: number }[];
  if (check.incidents !== GROUPS || check.groups !== GROUPS || check.monitoring !== GROUPS) throw new Error(`expected ${GROUPS} incidents in monitoring, got ${JSON.stringify(check)}`);
  const ingest = {
    deliveries: latencies.length,
    alerts: alertCount,
    wallS,
    alertsPerS: alertCount / wallS,
    deliveriesPerS: latencies.length / wallS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    keelCpuPerDeliveryMs: (cpuS * 1000) / latencies.length,
    outcomes,
    runbooksAttached: attached.n,
    statementsPerDelivery,
  };
  log(`ingestion: ${ingest.alerts} alerts in ${ingest.deliveries} deliveries, ${wallS.toFixed(1)} s → ${ingest.alertsPerS.toFixed(0)} alerts/s; p50 ${ms(ingest.p50)} ms, p95 ${ms(ingest.p95)} ms`);

  // ------------------------------------------------------------------ (b) the list with 100k incidents
  await sql`delete from incidents`;
  const t = performance.now();
  for (const statement of historySql(INCIDENTS)) await sql.unsafe(statement);
  await sql`analyze`;
  const loadS = (performance.now() - t) / 1000;
  const [sizes] = (await sql`select (select count(*)::int from incidents) incidents, (select count(*)::int from incident_services) services, (select count(*)::int from incident_timeline) timeline, pg_size_pretty(pg_total_relation_size('incidents')) incidents_size, pg_size_pretty(pg_total_relation_size('incident_timeline')) timeline_size`) as unknown as Record<string, string | number>[];
  log(`history: ${JSON.stringify(sizes)} in ${loadS.toFixed(1)} s`);

  const DEEP = Math.floor(INCIDENTS * 0.9);
  const [deep] = (await sql`select to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') k, id::text from incidents order by started_at desc, id desc offset ${DEEP} limit 1`) as unknown as { k: string; id: string }[];
  const variants = {
    "first page": {},
    "status + severity + service": { status: ["resolved"], severity: ["SEV2"], service: "checkout-api" },
    "full-text search": { q: "database pool" },
    [`keyset page ${DEEP.toLocaleString("en")} deep`]: { cursor: encodeCursor([deep.k, deep.id]) },
  } as const;
  const results: { name: string; p50: number; p95: number; max: number; items: number; next: boolean; sqlText: { query: string; params: unknown[] } }[] = [];
  for (const [name, filter] of Object.entries(variants)) {
    for (let n = 0; n < 5; n++) await listIncidents(viewer, filter);
    const times: number[] = [];
    let page: Awaited<ReturnType<typeof listIncidents>> | undefined;
    for (let n = 0; n < RUNS; n++) {
      captured.length = 0;
      const start = performance.now();
      page = await listIncidents(viewer, filter);
      times.push(performance.now() - start);
    }
    results.push({ name, p50: median(times), p95: percentile(times, 95), max: Math.max(...times), items: page!.items.length, next: page!.nextCursor !== null, sqlText: captured.find((c) => c.query.includes('from "incidents"'))! });
    log(`${name}: p50 ${ms(median(times))} ms, p95 ${ms(percentile(times, 95))} ms (${page!.items.length} items)`);
  }
  const slowest = [...results].sort((a, b) => b.p95 - a.p95)[0];
  const explain = async (q: { query: string; params: unknown[] }) =>
    ((await sql.unsafe(`explain (analyze, buffers) ${q.query}`, q.params as never[])) as unknown as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]).join("\n");
  const plan = await explain(slowest.sqlText);

  // ------------------------------------------------------------------ report
  const out: string[] = [];
  out.push(`Machine: ${machine}; PostgreSQL ${pgVersion} on loopback; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} at the end.`);
  out.push("");
  out.push(`(a) ${GROUPS} groups × 4 deliveries, ${CONCURRENCY} groups in flight: ${ingest.alerts} alerts in ${ingest.deliveries} deliveries in ${wallS.toFixed(2)} s`);
  out.push("");
  out.push("| alerts/s | deliveries/s | per delivery p50 / p95 / p99 | Keel CPU per delivery | SQL statements per delivery | outcomes | runbooks auto-attached |");
  out.push("|---|---|---|---|---|---|---|");
  out.push(`| **${ingest.alertsPerS.toFixed(0)}** | ${ingest.deliveriesPerS.toFixed(0)} | ${ms(ingest.p50)} / ${ms(ingest.p95)} / ${ms(ingest.p99)} ms | ${ms(ingest.keelCpuPerDeliveryMs)} ms | ${ingest.statementsPerDelivery.toFixed(1)} | ${Object.entries(outcomes).map(([k, v]) => `${k} ${v}`).join(", ")} | ${attached.n} |`);
  out.push("");
  out.push(`Check: ${check.incidents} incidents for ${GROUPS} groups, all in monitoring.`);
  out.push("");
  out.push(`(b) ${sizes.incidents} incidents (${sizes.incidents_size}), ${sizes.services} incident–service rows, ${sizes.timeline} timeline entries (${sizes.timeline_size}); loaded in ${loadS.toFixed(1)} s. listIncidents, ${RUNS} runs each after 5 warm-ups:`);
  out.push("");
  out.push("| page | p50 | p95 | max | items |");
  out.push("|---|---|---|---|---|");
  for (const r of results) out.push(`| ${r.name} | ${ms(r.p50)} ms | **${ms(r.p95)} ms** | ${ms(r.max)} ms | ${r.items}${r.next ? " (more)" : ""} |`);
  out.push("");
  out.push(`EXPLAIN (ANALYZE, BUFFERS) of the slowest by p95, "${slowest.name}":`);
  out.push("```");
  out.push(slowest.sqlText.query);
  out.push(plan);
  out.push("```");
  out.push("");
  console.log(out.join("\n"));
}

try {
  await main();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
