import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/roles";
import { listChannels, listDeliveries } from "@/lib/notify/channels";
import { listServices } from "@/lib/services/queries";
import { listTeams } from "@/lib/teams/queries";
import { Card, EmptyState } from "@/components/ui/card";
import { ChannelCard } from "@/components/notifications/channel-card";
import { ChannelForm } from "@/components/notifications/channel-form";

export const metadata: Metadata = { title: "Notifications" };

/** Everything the page shows, and the time it was read (for "3 min ago"). */
async function load(admin: Principal) {
  const [channels, services, teams] = await Promise.all([listChannels(admin), listServices(admin, { limit: 200 }), listTeams(admin)]);
  const logs = await Promise.all(channels.map((c) => listDeliveries(admin, c.id, { limit: 10 })));
  return { channels, services, teams, logs, now: Date.now() };
}

export default async function NotificationsPage() {
  const { channels, services, teams, logs, now } = await load(await requirePage("admin"));
  const serviceOptions = services.items.map(({ slug, name }) => ({ slug, name }));
  const teamOptions = teams.map(({ slug, name }) => ({ slug, name }));
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        When an incident is declared, changes severity or status, or is resolved, Keel tells each enabled channel that covers it: webhooks get signed JSON with a
        Slack-compatible <code>text</code>, email recipients a short message with the incident link. Failed deliveries are retried with backoff.
      </p>
      {channels.length === 0 ? (
        <EmptyState title="No notification channels yet.">Add a webhook or email recipients below.</EmptyState>
      ) : (
        channels.map((c, k) => <ChannelCard key={c.id} channel={c} deliveries={logs[k].items} now={now} services={serviceOptions} teams={teamOptions} />)
      )}
      <Card title="Add a channel">
        <ChannelForm services={serviceOptions} teams={teamOptions} />
      </Card>
    </div>
  );
}
