import type { ComponentStatus } from "@/lib/status-page/queries";
import { stateLabels } from "@/lib/status-page/states";
import { stateText } from "./state-style";
import { UptimeBars } from "./uptime-bars";

/** Each public service: its current state and its 90 days of uptime. */
export function ComponentList({ components }: { components: ComponentStatus[] }) {
  if (!components.length) return <p className="text-sm text-muted">No public services are listed yet.</p>;
  return (
    <ul className="divide-y divide-line rounded-lg border border-line bg-surface">
      {components.map((c) => (
        <li key={c.id} className="px-4 py-3" data-testid="component">
          <div className="flex items-center justify-between gap-3">
            <span className="font-medium">{c.name}</span>
            <span className={`text-sm font-medium ${stateText[c.state]}`}>{stateLabels[c.state]}</span>
          </div>
          <UptimeBars name={c.name} bars={c.bars} uptime={c.uptime} />
        </li>
      ))}
    </ul>
  );
}
