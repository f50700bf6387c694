import type { PublicMaintenance } from "@/lib/status-page/maintenance-dto";
import { maintenanceAnchor } from "@/lib/status-page/feed";
import { formatWindowUtc } from "@/lib/status-page/format";
import { maintenancePhaseLabels } from "@/lib/status-page/maintenance-state";

/** One maintenance on the status page: title, state, window (UTC), affected components, description. */
export function MaintenanceSummary({ maintenance: m }: { maintenance: PublicMaintenance }) {
  const id = maintenanceAnchor(m.id);
  return (
    <article id={id} aria-labelledby={`${id}-title`} className="space-y-2 rounded-lg border border-line bg-surface p-4" data-testid="public-maintenance">
      <h3 id={`${id}-title`} className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${m.phase === "cancelled" ? "bg-muted" : "bg-link"}`} />
        {m.title}
      </h3>
      <p className="text-sm text-muted">
        <span className="font-medium text-fg">{maintenancePhaseLabels[m.phase]}</span>
        {" · "}
        <time dateTime={new Date(m.startsMs).toISOString()}>{formatWindowUtc(m.startsMs, m.endsMs)}</time>
      </p>
      <p className="text-sm">
        <span className="text-muted">Affected: </span>
        {m.components.map((c) => c.name).join(", ")}
      </p>
      {m.description && <p className="text-sm break-words whitespace-pre-wrap">{m.description}</p>}
    </article>
  );
}

/** A titled list of maintenance, or a sentence saying there is none (nothing at all without one). */
export function MaintenanceSection({ title, items, empty }: { title: string; items: PublicMaintenance[]; empty?: string }) {
  if (!items.length && !empty) return null;
  return (
    <section aria-label={title} className="space-y-3">
      <h2 className="text-lg font-semibold">{title}</h2>
      {items.length ? items.map((m) => <MaintenanceSummary key={m.id} maintenance={m} />) : <p className="text-sm text-muted">{empty}</p>}
    </section>
  );
}
