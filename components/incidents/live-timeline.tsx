"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TimelineKind } from "@/db/schema";
import type { TimelineEntryDto } from "@/lib/incidents/timeline";
import { TimelineEntry } from "./timeline-entry";
import { timelineKey } from "./timeline-key";

export type TimelineData = { items: TimelineEntryDto[]; lastId: number };

/** Entries that change what the rest of the page shows (header, roles, times): the page is redrawn when one arrives. */
const REDRAW: ReadonlySet<TimelineKind> = new Set(["status", "severity", "role", "edit", "timestamp_edit"]);
const POLL_MS = 3_000;
/** At most this many pages of 500 entries are caught up in one poll. */
const MAX_PAGES = 10;

async function entriesAfter(incidentId: string, after: number): Promise<{ items: TimelineEntryDto[]; lastId: number; hasMore: boolean }> {
  const res = await fetch(`/api/v1/incidents/${incidentId}/timeline?after=${after}`, { cache: "no-store", headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw Object.assign(new Error(body?.error?.message ?? `Keel answered ${res.status}.`), { status: res.status });
  }
  return res.json();
}

const byTime = (a: TimelineEntryDto, b: TimelineEntryDto) => a.at.localeCompare(b.at) || a.id - b.id;

/**
 * The incident's timeline, oldest first, kept live: every 3 seconds while the tab is visible it
 * asks for the entries written after the last one it has and appends them. Someone else's status,
 * severity or role change also redraws the rest of the page.
 */
export function LiveTimeline({ incidentId, initial }: { incidentId: string; initial: TimelineData }) {
  const client = useQueryClient();
  const router = useRouter();
  const key = timelineKey(incidentId);
  const { data, error } = useQuery({
    queryKey: key,
    queryFn: async (): Promise<TimelineData> => {
      const have = client.getQueryData<TimelineData>(key) ?? initial;
      const known = new Set(have.items.map((e) => e.id));
      const fresh: TimelineEntryDto[] = [];
      let lastId = have.lastId;
      for (let page = 0; page < MAX_PAGES; page++) {
        const r = await entriesAfter(incidentId, lastId);
        fresh.push(...r.items.filter((e) => !known.has(e.id)));
        lastId = r.lastId;
        if (!r.hasMore) break;
      }
      return fresh.length ? { items: [...have.items, ...fresh], lastId } : { ...have, lastId };
    },
    initialData: initial,
    refetchInterval: POLL_MS,
  });

  const seen = useRef(initial.lastId);
  useEffect(() => {
    const arrived = data.items.filter((e) => e.id > seen.current);
    seen.current = Math.max(seen.current, data.lastId);
    if (arrived.some((e) => REDRAW.has(e.kind))) router.refresh();
  }, [data, router]);

  const items = [...data.items].sort(byTime);
  return (
    <div className="space-y-3">
      <div role="log" aria-label="Incident timeline, oldest first">
        {items.length ? (
          <ol className="space-y-3">
            {items.map((e) => (
              <TimelineEntry key={e.id} entry={e} />
            ))}
          </ol>
        ) : (
          <p className="text-sm text-muted">Nothing on the timeline yet.</p>
        )}
      </div>
      {error && (
        <p role="status" className="text-sm text-warn">
          Live updates are failing ({error.message}); retrying.
        </p>
      )}
    </div>
  );
}
