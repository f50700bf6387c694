import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { deleteChannelAction, setChannelEnabledAction, testChannelAction } from "@/lib/notify/actions";
import { EVENT_LABELS } from "@/lib/notify/event-labels";
import type { ChannelDto, DeliveryDto } from "@/lib/notify/dto";
import { DeliveryLog } from "./delivery-log";
import { ChannelForm } from "./channel-form";

type Option = { slug: string; name: string };

function scopeText(scope: ChannelDto["scope"]): string {
  if (scope.type === "all") return "Every incident";
  return scope.type === "service" ? `Incidents affecting ${scope.name} (${scope.slug})` : `Incidents affecting team ${scope.name}'s services`;
}

/** One channel: where it sends, for which incidents and events, its controls and its recent deliveries. */
export function ChannelCard({ channel: c, deliveries, now, services, teams }: { channel: ChannelDto; deliveries: DeliveryDto[]; now: number; services: Option[]; teams: Option[] }) {
  const title = (
    <span className="flex flex-wrap items-center gap-2">
      {c.name}
      <Badge>{c.kind}</Badge>
      {c.enabled ? <Badge tone="ok">enabled</Badge> : <Badge tone="warn">disabled</Badge>}
    </span>
  );
  return (
    <Card title={title}>
      <dl className="mb-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-muted">{c.kind === "webhook" ? "URL" : "Recipients"}</dt>
        <dd className="font-mono text-xs break-all">{c.kind === "webhook" ? c.url : c.emails.join(", ")}</dd>
        <dt className="text-muted">Incidents</dt>
        <dd>{scopeText(c.scope)}</dd>
        <dt className="text-muted">Events</dt>
        <dd>{c.events.map((e) => EVENT_LABELS[e]).join(", ")}</dd>
      </dl>
      <div className="mb-3 flex flex-wrap gap-2">
        <ActionForm action={setChannelEnabledAction} hidden={{ id: c.id, enabled: String(!c.enabled) }} label={c.enabled ? `Disable ${c.name}` : `Enable ${c.name}`} />
        <ActionForm action={testChannelAction} hidden={{ id: c.id }} label={`Send test to ${c.name}`} />
        <ActionForm action={deleteChannelAction} hidden={{ id: c.id }} label={`Delete ${c.name}`} variant="danger" confirm={`Delete channel ${c.name} and its delivery log?`} />
      </div>
      <details className="mb-3 rounded-md border border-line p-3">
        <summary className="cursor-pointer text-sm font-medium">Edit {c.name}</summary>
        <div className="mt-3">
          <ChannelForm channel={c} services={services} teams={teams} />
        </div>
      </details>
      <h3 className="mb-2 text-sm font-semibold">Recent deliveries</h3>
      <DeliveryLog channelName={c.name} items={deliveries} now={now} />
    </Card>
  );
}
