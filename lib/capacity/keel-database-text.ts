/** Keel's own database report: its shape, and the same in Markdown for the capacity report. Pure. */
import { dateTimeText, percentText, valueText } from "./format";

export type KeelDatabaseReport =
  | { available: false; reason: string }
  | {
      available: true;
      at: number;
      database: string;
      serverVersion: string;
      connections: {
        /** Client connections to the whole server (max_connections is per server). */
        total: number;
        active: number;
        idle: number;
        idleInTransaction: number;
        /** Connections whose state this role may not see, or in another state. */
        other: number;
        /** Of the total, connected to Keel's database. */
        thisDatabase: number;
        max: number;
        reservedForSuperusers: number;
        /** Connections one Keel process may open (DATABASE_POOL_MAX). */
        keelPoolMax: number;
      };
      sizeBytes: number;
      tables: { schema: string; name: string; totalBytes: number; tableBytes: number; indexBytes: number; rows: number | null }[];
    };

/** Connections as a share of what ordinary roles may open (max_connections less the superusers' reserve). */
export function connectionShare(c: Extract<KeelDatabaseReport, { available: true }>["connections"]): number {
  return c.total / Math.max(1, c.max - c.reservedForSuperusers);
}

export function keelDatabaseMarkdown(r: KeelDatabaseReport): string[] {
  const lines = ["## Keel's own database", ""];
  if (!r.available) return [...lines, r.reason, ""];
  const c = r.connections;
  lines.push(
    `PostgreSQL ${r.serverVersion}, database \`${r.database}\`, read ${dateTimeText(r.at)} UTC.`,
    "",
    `- Connections: ${c.total} of ${c.max} max_connections (${percentText(connectionShare(c))} of the ${c.max - c.reservedForSuperusers} open to ordinary roles): ${c.active} active, ${c.idle} idle, ${c.idleInTransaction} idle in a transaction${c.other ? `, ${c.other} other` : ""}; ${c.thisDatabase} to this database. Each Keel process opens at most ${c.keelPoolMax}.`,
    `- Database size: ${valueText(r.sizeBytes, "bytes")}.`,
    "",
    "| Table | Total | Table | Indexes | Rows (estimate) |",
    "|---|---|---|---|---|",
    ...r.tables.map((t) => `| ${t.schema}.${t.name} | ${valueText(t.totalBytes, "bytes")} | ${valueText(t.tableBytes, "bytes")} | ${valueText(t.indexBytes, "bytes")} | ${t.rows === null ? "–" : Math.round(t.rows).toLocaleString("en-GB")} |`),
    "",
  );
  return lines;
}
