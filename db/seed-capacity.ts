import { eq } from "drizzle-orm";
import { instantiateTemplate } from "@/lib/capacity/templates";
import { schema, type Db } from "./index";

/**
 * The demo's capacity resources, from the templates, on services whose usage the demo Prometheus
 * writes (scripts/demo-metrics/catalogue.ts): the database's connections and size, the event
 * pipeline's disk (resized 20 days ago, filling at 20 GiB a day) and queue, the gateway's traffic.
 */
const demoResources: { service: string; template: string; values?: Record<string, string> }[] = [
  { service: "postgres-primary", template: "db-connections" },
  { service: "postgres-primary", template: "db-size", values: { datname: "keel_app", mountpoint: "/var/lib/postgresql" } },
  { service: "event-pipeline", template: "disk-usage", values: { mountpoint: "/data" } },
  { service: "event-pipeline", template: "queue-depth", values: { metric: "queue_depth", queue: "events", limit: "50000" } },
  { service: "api-gateway", template: "request-rate", values: { metric: "http_requests_total", limit: "1000" } },
];

/**
 * Seeds the demo's resources on the default data source. Seeded once: nothing is added when any
 * resource exists. The queries are not run here (the demo's Prometheus may start later).
 */
export async function seedCapacity(db: Db): Promise<number> {
  const [any] = await db.select({ id: schema.capacityResources.id }).from(schema.capacityResources).limit(1);
  if (any) return 0;
  const services = await db.select({ id: schema.services.id, slug: schema.services.slug }).from(schema.services);
  const [admin] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, "admin@keel.example"));
  const rows = demoResources.flatMap((d) => {
    const serviceId = services.find((s) => s.slug === d.service)?.id;
    const t = instantiateTemplate(d.template, d.values, { service: d.service });
    if (!serviceId || !t.ok) return [];
    const r = t.resource;
    return [{ serviceId, name: r.name, usageQuery: r.usageQuery, limitQuery: r.limitQuery, limitValue: r.limitValue, unit: r.unit, warningLevel: r.warningLevel, resolutionSeconds: r.resolutionSeconds, template: r.template, createdBy: admin?.id ?? null }];
  });
  if (rows.length) await db.insert(schema.capacityResources).values(rows).onConflictDoNothing();
  return rows.length;
}
