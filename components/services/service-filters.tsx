import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import type { ServiceFilter } from "@/lib/services/schemas";

/** A plain GET form: the filters live in the URL, so views can be shared and bookmarked. */
export function ServiceFilters({ filter, teams }: { filter: Partial<ServiceFilter>; teams: { slug: string; name: string }[] }) {
  return (
    <form method="get" className="mb-4 grid gap-2 sm:grid-cols-[1fr_auto_auto_auto_auto]" role="search" aria-label="Filter services">
      <label className="sr-only" htmlFor="q">
        Search services
      </label>
      <input id="q" name="q" type="search" placeholder="Search name, slug or description" defaultValue={filter.q ?? ""} className={inputClass} />
      <label className="sr-only" htmlFor="f-team">
        Team
      </label>
      <select id="f-team" name="team" defaultValue={filter.team ?? ""} className={inputClass}>
        <option value="">All teams</option>
        {teams.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="f-tier">
        Tier
      </label>
      <select id="f-tier" name="tier" defaultValue={filter.tier ? String(filter.tier) : ""} className={inputClass}>
        <option value="">All tiers</option>
        <option value="1">Tier 1</option>
        <option value="2">Tier 2</option>
        <option value="3">Tier 3</option>
      </select>
      <label className="sr-only" htmlFor="f-public">
        Visibility
      </label>
      <select id="f-public" name="public" defaultValue={filter.public ?? ""} className={inputClass}>
        <option value="">Public and internal</option>
        <option value="true">On status page</option>
        <option value="false">Internal only</option>
      </select>
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
    </form>
  );
}
