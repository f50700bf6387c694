import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import { overduePostmortems } from "@/lib/postmortems/queries";
import { listActionItems } from "@/lib/postmortems/action-item-store";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

async function load(user: Principal) {
  const [overdue, mine] = await Promise.all([overduePostmortems(user), listActionItems(user, { owner: user.userId, status: ["open", "in_progress"] })]);
  return { overdue, mine: mine.items };
}

/** Postmortems past due, and the signed-in person's open action items (overdue first). */
export async function PostmortemOverview({ user }: { user: Principal }) {
  const { overdue, mine } = await load(user);
  const items = [...mine].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"));
  return (
    <Card title="Postmortems and action items" action={<Link href="/postmortems" className="text-sm text-link underline">All postmortems</Link>}>
      <div className="space-y-3 text-sm">
        <section aria-labelledby="overview-overdue-pm">
          <h3 id="overview-overdue-pm" className="mb-1 font-medium">
            Overdue postmortems
          </h3>
          {overdue.length === 0 ? (
            <p className="text-muted">None: every postmortem due is published.</p>
          ) : (
            <ul className="space-y-1">
              {overdue.slice(0, 5).map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/postmortems/${p.id}`} className="text-link hover:underline">
                    {p.incident.ref}: {p.title}
                  </Link>
                  <Badge tone="danger">due {p.dueAt!.slice(0, 10)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="overview-my-items">
          <h3 id="overview-my-items" className="mb-1 font-medium">
            Your action items
          </h3>
          {items.length === 0 ? (
            <p className="text-muted">Nothing assigned to you is open.</p>
          ) : (
            <ul className="space-y-1">
              {items.slice(0, 6).map((i) => (
                <li key={i.id} className="flex flex-wrap items-center gap-2">
                  <Badge tone={i.priority === "P0" ? "danger" : "neutral"}>{i.priority}</Badge>
                  <Link href={`/postmortems/${i.postmortem.id}`} className="text-link hover:underline">
                    {i.title}
                  </Link>
                  <span className="text-muted">{i.postmortem.incidentRef}</span>
                  {i.overdue ? <Badge tone="danger">overdue {i.dueDate}</Badge> : i.dueDate && <span className="text-muted">due {i.dueDate}</span>}
                </li>
              ))}
            </ul>
          )}
          <Link href={`/postmortems/action-items?owner=${encodeURIComponent(user.email)}`} className="mt-1 inline-block text-link underline">
            All your items
          </Link>
        </section>
      </div>
    </Card>
  );
}
