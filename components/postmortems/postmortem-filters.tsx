import Link from "next/link";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import type { PostmortemQuery } from "./list-query";

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
export function PostmortemFilters({ query, services, tags }: { query: PostmortemQuery; services: { slug: string; name: string }[]; tags: string[] }) {
  return (
    <form method="get" action="/postmortems" role="search" aria-label="Filter postmortems" className="mb-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-5 print:hidden">
      <Labelled id="pf-q" label="Search">
        <input id="pf-q" name="q" type="search" placeholder="Words from any section" defaultValue={query.q} className={inputClass} />
      </Labelled>
      <Labelled id="pf-status" label="Status">
        <select id="pf-status" name="status" defaultValue={query.status || "all"} className={inputClass}>
          <option value="all">All</option>
          <option value="open">Not published yet</option>
          <option value="draft">Draft</option>
          <option value="in_review">In review</option>
          <option value="published">Published</option>
        </select>
      </Labelled>
      <Labelled id="pf-service" label="Service">
        <select id="pf-service" name="service" defaultValue={query.service} className={inputClass}>
          <option value="">All</option>
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="pf-tag" label="Tag">
        <input id="pf-tag" name="tag" list="pf-tags" placeholder="e.g. database" defaultValue={query.tag} className={inputClass} />
        <datalist id="pf-tags">
          {tags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </Labelled>
      <div className="flex items-end gap-3">
        <label className="flex items-center gap-2 py-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={!!query.overdue} className="h-4 w-4" />
          Overdue only
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        <Link href="/postmortems" className="py-2 text-sm text-link underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
