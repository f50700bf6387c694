import { atomFeed } from "@/lib/status-page/feed";
import { feedEntries } from "@/lib/status-page/queries";
import { publicBaseUrl } from "@/lib/status-page/base-url";

export const dynamic = "force-dynamic";

/** The status page's public updates as Atom 1.0, newest first. */
export async function GET(): Promise<Response> {
  const nowMs = Date.now();
  const xml = atomFeed({ baseUrl: publicBaseUrl(), title: "System status", entries: await feedEntries(nowMs), nowMs });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=60" } });
}
