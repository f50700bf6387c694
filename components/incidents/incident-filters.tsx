import Link from "next/link";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { STATUSES } from "@/lib/incidents/lifecycle";
import { SEVERITIES } from "@/lib/incidents/severity";
import { statusLabels } from "./status-badge";
import type { ListQuery } from "./list-query";

type Props = { query: ListQuery; services: { slug: string; name: string }[] };

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-muted">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A plain GET form: the filters live in the URL, so a view can be shared and bookmarked. */
export function IncidentFilters({ query, services }: Props) {
  return (
    <form method="get" action="/incidents" role="search" aria-label="Filter incidents" className="mb-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
      <Labelled id="f-q" label="Search">
        <input id="f-q" name="q" type="search" placeholder="Title or summary, or INC-42" defaultValue={query.q} className={inputClass} />
      </Labelled>
      <Labelled id="f-status" label="Status">
        <select id="f-status" name="status" defaultValue={query.status || "all"} className={inputClass}>
          <option value="all">All</option>
          <option value="open">Open (not yet resolved)</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="f-severity" label="Severity">
        <select id="f-severity" name="severity" defaultValue={query.severity} className={inputClass}>
          <option value="">All</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="f-service" label="Service">
        <select id="f-service" name="service" defaultValue={query.service} className={inputClass}>
          <option value="">All</option>
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="f-from" label="Started from (UTC)">
        <input id="f-from" name="from" type="date" defaultValue={query.from} className={inputClass} />
      </Labelled>
      <Labelled id="f-to" label="Started to (UTC)">
        <input id="f-to" name="to" type="date" defaultValue={query.to} className={inputClass} />
      </Labelled>
      <div className="flex items-end gap-2">
        {query.limit && <input type="hidden" name="limit" value={query.limit} />}
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        <Link href="/incidents" className="px-1 py-2 text-sm text-link underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
