import Link from "next/link";
import type { BoardEntry } from "@/lib/oncall/oncall-queries";
import { formatInZone } from "@/lib/oncall/format";
import { Card } from "@/components/ui/card";
import { CoverageList } from "./coverage-list";
import { PeopleNames } from "./people-names";

const until = (end: string | null, tz: string) => (end ? `until ${formatInZone(Date.parse(end), tz)}` : "no change within 35 days");

/** One schedule on the on-call page: who is on call now and next, finally and per layer, and its coverage warnings. */
export function ScheduleCard({ entry }: { entry: BoardEntry }) {
  const tz = entry.timeZone;
  const layers = [...entry.now.layers].reverse(); // top first, as the final on-call comes from the top
  return (
    <Card
      title={
        <Link href={`/oncall/schedules/${entry.id}`} className="hover:underline">
          {entry.name}
        </Link>
      }
      action={<span className="text-xs text-muted">{tz}</span>}
    >
      <dl className="space-y-2 text-sm" aria-label={`${entry.name}: on call`}>
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">On call now</dt>
          <dd data-testid="final-now">
            <PeopleNames users={entry.now.final.users} /> <span className="text-muted">{until(entry.now.final.end, tz)}</span>
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-muted">Next</dt>
          <dd>{entry.next.final ? <PeopleNames users={entry.next.final.users} /> : <span className="text-muted">—</span>}</dd>
        </div>
      </dl>
      {layers.length > 1 && (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">{entry.name}: on call per layer</caption>
          <thead className="text-left text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Layer
              </th>
              <th scope="col" className="py-1 font-medium">
                Now
              </th>
              <th scope="col" className="py-1 font-medium">
                Next
              </th>
            </tr>
          </thead>
          <tbody>
            {layers.map((l) => {
              const next = entry.next.layers[l.layerId];
              return (
                <tr key={l.layerId} className="border-t border-line">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    {l.name}
                  </th>
                  <td className="py-1 pr-2">
                    <PeopleNames users={l.users} />
                  </td>
                  <td className="py-1">{next ? <PeopleNames users={next.users} /> : <span className="text-muted">—</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="mt-3 border-t border-line pt-2">
        <CoverageList items={entry.coverage} timeZone={tz} max={3} />
      </div>
    </Card>
  );
}
