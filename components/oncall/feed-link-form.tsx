"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { ShownOnce } from "@/components/ui/shown-once";
import { createFeedAction } from "@/lib/oncall/actions";
import type { FormState } from "@/lib/forms";

/** Creates a secret iCalendar link (a schedule's, or mine without `scheduleId`) and shows it once. */
export function FeedLinkForm({ scheduleId, label }: { scheduleId?: string; label: string }) {
  const [state, action, pending] = useActionState(createFeedAction, {} as FormState);
  return (
    <div className="space-y-2">
      <form action={action}>
        {scheduleId && <input type="hidden" name="schedule" value={scheduleId} />}
        <Button type="submit" variant="secondary" disabled={pending}>
          {label}
        </Button>
      </form>
      <FormMessage state={state} />
      {state.secret && (
        <ShownOnce id={`feed-${scheduleId ?? "me"}`} label="Calendar feed link (shown once)" value={state.secret}>
          Subscribe to it in Google Calendar, Outlook or Apple Calendar (“add calendar from URL”). Anyone with the link can read the calendar: revoke it below if it leaks.
        </ShownOnce>
      )}
    </div>
  );
}
