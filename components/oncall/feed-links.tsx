import type { FeedTokenDto } from "@/lib/oncall/dto";
import { revokeFeedAction } from "@/lib/oncall/actions";
import { ActionForm } from "@/components/ui/action-form";
import { FeedLinkForm } from "./feed-link-form";

/** My feed links for a schedule (or my personal ones) with revoke buttons, and a button for a new one. */
export function FeedLinks({ feeds, scheduleId, createLabel }: { feeds: FeedTokenDto[]; scheduleId?: string; createLabel: string }) {
  return (
    <div className="space-y-3">
      <FeedLinkForm scheduleId={scheduleId} label={createLabel} />
      {feeds.length > 0 && (
        <ul className="space-y-1 text-sm">
          {feeds.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-2">
              <span>
                {f.scheduleName ? `Feed of ${f.scheduleName}` : "My on-call feed"}, created {f.createdAt.slice(0, 10)}
              </span>
              <ActionForm action={revokeFeedAction} hidden={{ feed: f.id, schedule: scheduleId ?? "" }} label="Revoke" variant="danger" confirm="Revoke this feed link? Calendars subscribed to it stop updating." />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
