/**
 * Templates for the common capacity resources (the seeds' cases): the usage and limit PromQL, the
 * unit, and what to do when it runs out. Data plus a pure builder: label values go into PromQL only
 * through lib/prometheus/escape, and metric names are checked.
 */
import { labelMatcher } from "@/lib/prometheus/escape";

export type TemplateId = "db-connections" | "db-size" | "disk-usage" | "request-rate" | "queue-depth";

export type TemplateParam = {
  key: string;
  label: string;
  kind: "label" | "metric" | "number";
  required: boolean;
  default?: string;
  help?: string;
};

export type CapacityTemplate = {
  id: TemplateId;
  title: string;
  description: string;
  /** For sentences: "connections will reach 80% of max_connections …". */
  subject: string;
  limitName: string;
  unit: string;
  advice: string;
  params: TemplateParam[];
  resolutionSeconds: number;
};

export type TemplateResource = {
  template: TemplateId;
  name: string;
  usageQuery: string;
  limitQuery: string | null;
  limitValue: number | null;
  unit: string;
  warningLevel: number;
  resolutionSeconds: number;
  subject: string;
  limitName: string;
  advice: string;
};

const MATCHERS_HELP = "Extra label matchers for every selector, e.g. service=\"postgres-primary\" or instance=\"db1:9187\": pick one server.";

export const CAPACITY_TEMPLATES: readonly CapacityTemplate[] = [
  {
    id: "db-connections",
    title: "Database connections vs max_connections",
    description: "PostgreSQL connections (postgres_exporter) against the server's max_connections.",
    subject: "connections",
    limitName: "max_connections",
    unit: "connections",
    advice: "raise the pool or add a replica",
    params: [],
    resolutionSeconds: 300,
  },
  {
    id: "db-size",
    title: "Database size vs disk",
    description: "Size of the PostgreSQL databases (postgres_exporter) against the filesystem that holds them (node_exporter).",
    subject: "the database size",
    limitName: "the disk",
    unit: "bytes",
    advice: "grow the volume, archive or drop old data, or repack bloated tables",
    params: [
      { key: "datname", label: "Database", kind: "label", required: false, help: "Leave empty for every database on the server." },
      { key: "mountpoint", label: "Mount point of the data directory", kind: "label", required: true, default: "/var/lib/postgresql" },
    ],
    resolutionSeconds: 300,
  },
  {
    id: "disk-usage",
    title: "Disk usage vs size",
    description: "Used bytes of a filesystem (node_exporter: size − available) against its size.",
    subject: "disk usage",
    limitName: "the filesystem size",
    unit: "bytes",
    advice: "resize the volume, rotate or clean up old files, or move data elsewhere",
    params: [{ key: "mountpoint", label: "Mount point", kind: "label", required: true, default: "/" }],
    resolutionSeconds: 300,
  },
  {
    id: "request-rate",
    title: "Request rate vs tested maximum",
    description: "Requests per second against the highest rate the service was load-tested at (a constant).",
    subject: "the request rate",
    limitName: "the tested maximum",
    unit: "req/s",
    advice: "load-test at higher rates, scale out, or add caching before traffic gets there",
    params: [
      { key: "metric", label: "Request counter", kind: "metric", required: true, default: "http_requests_total" },
      { key: "limit", label: "Tested maximum (req/s)", kind: "number", required: true },
    ],
    resolutionSeconds: 300,
  },
  {
    id: "queue-depth",
    title: "Queue depth",
    description: "Messages waiting in a queue against the depth it may reach (a constant: the broker's limit or what consumers can drain in time).",
    subject: "the queue depth",
    limitName: "the queue's limit",
    unit: "messages",
    advice: "add consumers or make them faster, and check for a stuck consumer",
    params: [
      { key: "metric", label: "Queue depth gauge", kind: "metric", required: true, default: "queue_depth" },
      { key: "queue", label: "Queue", kind: "label", required: false },
      { key: "limit", label: "Maximum depth (messages)", kind: "number", required: true },
    ],
    resolutionSeconds: 300,
  },
];

export const templateById = (id: string) => CAPACITY_TEMPLATES.find((t) => t.id === id);

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** `{a="x",b="y"}` from matchers (empty values left out), or "" when there are none. */
function sel(labels: Record<string, string | undefined>): string {
  const parts = Object.keys(labels)
    .filter((k) => labels[k] !== undefined && labels[k] !== "")
    .sort()
    .map((k) => labelMatcher(k, labels[k]!));
  return parts.length ? `{${parts.join(",")}}` : "";
}

export type TemplateOutcome = { ok: true; resource: TemplateResource } | { ok: false; fields: Record<string, string> };

/**
 * A resource from a template: `values` holds the template's parameters, `matchers` extra label
 * matchers applied to every selector. Bad values come back per field.
 */
export function instantiateTemplate(id: string, values: Record<string, string> = {}, matchers: Record<string, string> = {}): TemplateOutcome {
  const t = templateById(id);
  if (!t) return { ok: false, fields: { template: `Unknown template ${JSON.stringify(id)}.` } };
  const fields: Record<string, string> = {};
  const v: Record<string, string> = {};
  for (const p of t.params) {
    const raw = (values[p.key] ?? p.default ?? "").trim();
    if (!raw) {
      if (p.required) fields[p.key] = `${p.label} is required.`;
      continue;
    }
    if (p.kind === "metric" && !METRIC_NAME.test(raw)) fields[p.key] = `${JSON.stringify(raw)} is not a metric name.`;
    if (p.kind === "number" && !(Number(raw) > 0 && Number.isFinite(Number(raw)))) fields[p.key] = `${p.label} must be a positive number.`;
    v[p.key] = raw;
  }
  for (const k of Object.keys(matchers)) {
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(k)) fields.matchers = `Invalid label name ${JSON.stringify(k)}. ${MATCHERS_HELP}`;
  }
  if (Object.keys(fields).length) return { ok: false, fields };

  const m = { ...matchers };
  let usageQuery: string;
  let limitQuery: string | null = null;
  let limitValue: number | null = null;
  let name: string;
  let subject = t.subject;
  switch (t.id) {
    case "db-connections":
      name = "Database connections";
      usageQuery = `sum(pg_stat_activity_count${sel(m)})`;
      limitQuery = `max(pg_settings_max_connections${sel(m)})`;
      break;
    case "db-size":
      name = v.datname ? `Database size (${v.datname})` : "Database size";
      usageQuery = `sum(pg_database_size_bytes${sel({ ...m, datname: v.datname })})`;
      limitQuery = `max(node_filesystem_size_bytes${sel({ ...m, mountpoint: v.mountpoint })})`;
      break;
    case "disk-usage": {
      const fs = sel({ ...m, mountpoint: v.mountpoint });
      name = `Disk usage ${v.mountpoint}`;
      subject = `disk usage on ${v.mountpoint}`;
      usageQuery = `node_filesystem_size_bytes${fs} - node_filesystem_avail_bytes${fs}`;
      limitQuery = `node_filesystem_size_bytes${fs}`;
      break;
    }
    case "request-rate":
      name = "Request rate";
      usageQuery = `sum(rate(${v.metric}${sel(m)}[5m]))`;
      limitValue = Number(v.limit);
      break;
    case "queue-depth":
      name = v.queue ? `Queue depth (${v.queue})` : "Queue depth";
      usageQuery = `sum(${v.metric}${sel({ ...m, queue: v.queue })})`;
      limitValue = Number(v.limit);
      break;
  }
  return {
    ok: true,
    resource: { template: t.id, name, usageQuery, limitQuery, limitValue, unit: t.unit, warningLevel: 0.8, resolutionSeconds: t.resolutionSeconds, subject, limitName: t.limitName, advice: t.advice },
  };
}
