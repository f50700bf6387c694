import Link from "next/link";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { ACTION_CATEGORIES, ACTION_STATUSES, CATEGORY_LABELS, STATUS_LABELS } from "@/lib/postmortems/action-items";
import type { ActionItemQuery } from "./list-query";

type Named = { slug: string; name: string };

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

/** Filters for the action items page, as a GET form (they live in the URL). */
export function ActionItemFilters({ query, teams, services, people }: { query: ActionItemQuery; teams: Named[]; services: Named[]; people: { email: string; name: string }[] }) {
  return (
    <form method="get" action="/postmortems/action-items" role="search" aria-label="Filter action items" className="mb-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-6 print:hidden">
      <Labelled id="af-owner" label="Owner (email)">
        <input id="af-owner" name="owner" type="search" list="af-people" defaultValue={query.owner} className={inputClass} autoComplete="off" />
        <datalist id="af-people">
          {people.map((p) => (
            <option key={p.email} value={p.email}>
              {p.name}
            </option>
          ))}
        </datalist>
      </Labelled>
      <Labelled id="af-team" label="Team">
        <select id="af-team" name="team" defaultValue={query.team} className={inputClass}>
          <option value="">All</option>
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="af-service" label="Service">
        <select id="af-service" name="service" defaultValue={query.service} className={inputClass}>
          <option value="">All</option>
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="af-category" label="Category">
        <select id="af-category" name="category" defaultValue={query.category} className={inputClass}>
          <option value="">All</option>
          {ACTION_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="af-status" label="Status">
        <select id="af-status" name="status" defaultValue={query.status || "all"} className={inputClass}>
          <option value="all">All</option>
          <option value="open">Not closed (open or in progress)</option>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Labelled>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex items-center gap-2 py-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={!!query.overdue} className="h-4 w-4" />
          Overdue only
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        <Link href="/postmortems/action-items" className="py-2 text-sm text-link underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
