import { atomFeed } from "@/lib/status-page/feed";
import { feedEntries } from "@/lib/status-page/queries";
import { publicMaintenances } from "@/lib/status-page/maintenance-public";
import { maintenanceAtomEntry } from "@/lib/status-page/maintenance-feed";
import { publicBaseUrl } from "@/lib/status-page/base-url";

export const dynamic = "force-dynamic";

/** The status page's public updates and scheduled maintenance as Atom 1.0, newest first. */
export async function GET(): Promise<Response> {
  const nowMs = Date.now();
  const baseUrl = publicBaseUrl();
  const [entries, maintenances] = await Promise.all([feedEntries(nowMs), publicMaintenances(nowMs)]);
  const xml = atomFeed({ baseUrl, title: "System status", entries, announcements: maintenances.map((m) => maintenanceAtomEntry(baseUrl, m, nowMs)), nowMs });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=60" } });
}
