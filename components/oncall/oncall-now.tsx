import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import { formatInZone } from "@/lib/oncall/format";
import { onCallBoard, type BoardEntry } from "@/lib/oncall/oncall-queries";
import { Card, EmptyState } from "@/components/ui/card";
import { PeopleNames } from "./people-names";

/** Compact rows: each schedule, who is on call now (finally) until when, and who is next. */
export function OnCallRows({ entries }: { entries: BoardEntry[] }) {
  return (
    <ul className="divide-y divide-line text-sm">
      {entries.map((e) => (
        <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
          <Link href={`/oncall/schedules/${e.id}`} className="font-medium text-link underline">
            {e.name}
          </Link>
          <span>
            <PeopleNames users={e.now.final.users} />
            {e.now.final.end && <span className="text-xs text-muted"> until {formatInZone(Date.parse(e.now.final.end), e.timeZone)}</span>}
            {e.next.final && (
              <span className="text-xs text-muted">
                {" "}
                · next {e.next.final.users.map((u) => u.name).join(", ") || "nobody"}
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The overview's "On call now": every schedule's final on-call, compact. */
export async function OnCallNow({ user }: { user: Principal }) {
  const entries = await onCallBoard(user, undefined, { coverage: false });
  return (
    <Card title="On call now" action={<Link href="/oncall" className="text-sm text-link underline">All schedules</Link>}>
      {entries.length ? <OnCallRows entries={entries} /> : <EmptyState title="No on-call schedules yet." />}
    </Card>
  );
}
