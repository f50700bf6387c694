"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import type { TimelineData } from "./live-timeline";
import { timelineKey } from "./timeline-key";

/**
 * Keeps the runbook checklists live: the incident's live timeline already polls, so when an entry
 * about a runbook written by someone else arrives in its cache, the page is redrawn.
 */
export function RunbookLiveRefresh({ incidentId, userId }: { incidentId: string; userId: string }) {
  const client = useQueryClient();
  const router = useRouter();
  useEffect(() => {
    const key = JSON.stringify(timelineKey(incidentId));
    let seen: number | null = client.getQueryData<TimelineData>(timelineKey(incidentId))?.lastId ?? null;
    return client.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || JSON.stringify(event.query.queryKey) !== key) return;
      const data = event.query.state.data as TimelineData | undefined;
      if (!data) return;
      const before = seen;
      seen = Math.max(seen ?? 0, data.lastId);
      if (before === null) return;
      const others = data.items.filter((e) => e.id > before && e.kind === "action" && typeof e.data.runbook === "string" && e.author?.id !== userId);
      if (others.length) router.refresh();
    });
  }, [client, router, incidentId, userId]);
  return null;
}
