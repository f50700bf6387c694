import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import type { Principal } from "@/lib/auth/roles";
import { dateTimeText, percentText, valueText } from "@/lib/capacity/format";
import { keelDatabaseReport } from "@/lib/capacity/keel-database";
import { connectionShare } from "@/lib/capacity/keel-database-text";

const bytes = (v: number) => valueText(v, "bytes");

/** Keel's own PostgreSQL: connections against max_connections, the database size, the largest tables. */
export async function KeelDatabaseReport({ user }: { user: Principal }) {
  const r = await keelDatabaseReport(user);
  if (!r.available) return <EmptyState title="Not available on the embedded database.">{r.reason}</EmptyState>;
  const c = r.connections;
  const open = c.max - c.reservedForSuperusers;
  return (
    <div className="space-y-4">
      <Card title="Connections">
        <p className="mb-3 text-sm text-muted">
          Client connections to the whole server (max_connections is per server), read {dateTimeText(r.at)} UTC from pg_stat_activity. PostgreSQL {r.serverVersion}.
        </p>
        <dl className="grid gap-4 text-sm sm:grid-cols-3 lg:grid-cols-6" data-testid="keel-db-connections">
          {[
            ["Total", `${c.total} of ${c.max}`, `${percentText(connectionShare(c))} of the ${open} open to ordinary roles`],
            ["Active", String(c.active), "running a query"],
            ["Idle", String(c.idle), "waiting in a pool"],
            ["Idle in a transaction", String(c.idleInTransaction), "holding locks; should be near 0"],
            ["To Keel’s database", String(c.thisDatabase), `each Keel process opens at most ${c.keelPoolMax}`],
            ["Other", String(c.other), "not visible to Keel’s role, or another state"],
          ].map(([label, value, note]) => (
            <div key={label}>
              <dt className="text-muted">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums">{value}</dd>
              <dd className="text-xs text-muted">{note}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title="Size">
        <p className="text-sm">
          Database <code className="font-mono">{r.database}</code>: <strong data-testid="keel-db-size">{bytes(r.sizeBytes)}</strong> (pg_database_size).
        </p>
      </Card>
      <Card title="Largest tables">
        <Table caption="Keel's largest tables with their indexes and TOAST" head={["Table", "Total", "Table data", "Indexes", "Rows (estimate)"]}>
          {r.tables.map((t) => (
            <tr key={`${t.schema}.${t.name}`}>
              <td className="font-mono text-xs">
                {t.schema}.{t.name}
              </td>
              <td className="tabular-nums">{bytes(t.totalBytes)}</td>
              <td className="tabular-nums">{bytes(t.tableBytes)}</td>
              <td className="tabular-nums">{bytes(t.indexBytes)}</td>
              <td className="tabular-nums">{t.rows === null ? "–" : Math.round(t.rows).toLocaleString("en-GB")}</td>
            </tr>
          ))}
        </Table>
      </Card>
    </div>
  );
}
