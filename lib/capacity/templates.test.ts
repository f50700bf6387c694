import { describe, expect, it } from "vitest";
import { CAPACITY_TEMPLATES, instantiateTemplate } from "./templates";

describe("capacity templates", () => {
  it("covers the seeds' five cases, each with advice and a unit", () => {
    expect(CAPACITY_TEMPLATES.map((t) => t.id)).toEqual(["db-connections", "db-size", "disk-usage", "request-rate", "queue-depth"]);
    for (const t of CAPACITY_TEMPLATES) {
      expect(t.advice).toMatch(/^[a-z]/);
      expect(t.advice).not.toMatch(/\.$/);
      expect(t.unit).not.toBe("");
    }
  });

  it("builds database connections against max_connections", () => {
    const r = instantiateTemplate("db-connections");
    expect(r).toMatchObject({ ok: true, resource: { usageQuery: "sum(pg_stat_activity_count)", limitQuery: "max(pg_settings_max_connections)", limitValue: null, unit: "connections", warningLevel: 0.8 } });
    const one = instantiateTemplate("db-connections", {}, { service: "postgres-primary" });
    expect(one).toMatchObject({ ok: true, resource: { usageQuery: 'sum(pg_stat_activity_count{service="postgres-primary"})', limitQuery: 'max(pg_settings_max_connections{service="postgres-primary"})' } });
  });

  it("builds disk usage for a mount point, escaping the label value", () => {
    const r = instantiateTemplate("disk-usage", { mountpoint: "/data" }, { service: "event-pipeline" });
    expect(r).toMatchObject({
      ok: true,
      resource: {
        name: "Disk usage /data",
        subject: "disk usage on /data",
        usageQuery: 'node_filesystem_size_bytes{mountpoint="/data",service="event-pipeline"} - node_filesystem_avail_bytes{mountpoint="/data",service="event-pipeline"}',
        limitQuery: 'node_filesystem_size_bytes{mountpoint="/data",service="event-pipeline"}',
        unit: "bytes",
      },
    });
    const evil = instantiateTemplate("disk-usage", { mountpoint: '/x"} or vector(1) #' });
    expect(evil.ok && evil.resource.limitQuery).toBe('node_filesystem_size_bytes{mountpoint="/x\\"} or vector(1) #"}');
    expect(instantiateTemplate("disk-usage").ok && (instantiateTemplate("disk-usage") as { resource: { limitQuery: string } }).resource.limitQuery).toBe('node_filesystem_size_bytes{mountpoint="/"}');
  });

  it("builds the database size against its disk, optionally for one database", () => {
    const r = instantiateTemplate("db-size", { datname: "keel_app" });
    expect(r).toMatchObject({ ok: true, resource: { usageQuery: 'sum(pg_database_size_bytes{datname="keel_app"})', limitQuery: 'max(node_filesystem_size_bytes{mountpoint="/var/lib/postgresql"})' } });
  });

  it("takes constant limits for the request rate and the queue depth, and checks them", () => {
    expect(instantiateTemplate("request-rate", { limit: "1200" }, { service: "api-gateway" })).toMatchObject({
      ok: true,
      resource: { usageQuery: 'sum(rate(http_requests_total{service="api-gateway"}[5m]))', limitQuery: null, limitValue: 1200, unit: "req/s" },
    });
    expect(instantiateTemplate("queue-depth", { queue: "events", limit: "500000" })).toMatchObject({ ok: true, resource: { usageQuery: 'sum(queue_depth{queue="events"})', limitValue: 500_000 } });
    expect(instantiateTemplate("request-rate", {})).toEqual({ ok: false, fields: { limit: "Tested maximum (req/s) is required." } });
    expect(instantiateTemplate("queue-depth", { limit: "-3", metric: "queue depth" })).toEqual({
      ok: false,
      fields: { limit: "Maximum depth (messages) must be a positive number.", metric: '"queue depth" is not a metric name.' },
    });
  });

  it("refuses unknown templates and bad label names", () => {
    expect(instantiateTemplate("nope")).toEqual({ ok: false, fields: { template: 'Unknown template "nope".' } });
    const r = instantiateTemplate("db-connections", {}, { "bad-label": "x" });
    expect(r.ok).toBe(false);
  });
});
