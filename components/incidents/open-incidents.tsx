import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import { listIncidents } from "@/lib/incidents/queries";
import { OPEN_STATUSES } from "@/lib/incidents/lifecycle";
import { Card, EmptyState } from "@/components/ui/card";
import { SeverityBadge } from "./severity-badge";
import { StatusBadge } from "./status-badge";
import { relativeText } from "./format";

async function load(user: Principal) {
  const { items } = await listIncidents(user, { status: [...OPEN_STATUSES], limit: 8 });
  return { items, now: Date.now() };
}

/** The overview's open incidents, most severe first, then newest. */
export async function OpenIncidents({ user }: { user: Principal }) {
  const { items, now } = await load(user);
  const sorted = [...items].sort((a, b) => a.severity.localeCompare(b.severity) || Date.parse(b.timestamps.started) - Date.parse(a.timestamps.started));
  return (
    <Card title="Open incidents" action={<Link href="/incidents?status=triaging&status=investigating&status=identified&status=monitoring" className="text-sm text-link underline">All open</Link>}>
      {sorted.length === 0 ? (
        <EmptyState title="No open incidents.">Nothing is being worked on right now.</EmptyState>
      ) : (
        <ul className="space-y-2 text-sm">
          {sorted.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-2">
              <SeverityBadge severity={i.severity} />
              <Link href={`/incidents/${i.ref}`} className="font-medium text-link hover:underline">
                {i.ref}: {i.title}
              </Link>
              <StatusBadge status={i.status} />
              <span className="text-muted">started {relativeText(i.timestamps.started, now)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
