"use client";

import { useBrowserTimeZone } from "@/components/ui/use-time-zones";
import { formatZonedTime, formatZonedWindow } from "@/lib/status-page/maintenance-time";

/** A maintenance window in the reader's time zone (UTC until the browser's zone is known). */
export function LocalWindow({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const zone = useBrowserTimeZone() || "UTC";
  return <time dateTime={startsAt}>{formatZonedWindow(Date.parse(startsAt), Date.parse(endsAt), zone)}</time>;
}

/** An instant in the reader's time zone (UTC until the browser's zone is known). */
export function LocalTime({ iso }: { iso: string }) {
  const zone = useBrowserTimeZone() || "UTC";
  return <time dateTime={iso}>{formatZonedTime(Date.parse(iso), zone)}</time>;
}
