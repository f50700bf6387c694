/**
 * The status page's Atom 1.0 feed (RFC 4287): one entry per public update, and one per scheduled
 * maintenance (updated as it changes). Pure. Ids are permanent URLs on the public pages, so they
 * never change.
 */

export type FeedEntry = {
  /** The timeline entry's id. */
  id: number;
  incidentNumber: number;
  /** The incident's public headline at the time the feed is read. */
  title: string;
  /** The incident's public status label. */
  status: string;
  body: string;
  atMs: number;
};

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe inside XML elements and attributes; characters XML 1.0 forbids are dropped. */
export function xmlEscape(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

export const incidentPath = (number: number) => `/status/incidents/${number}`;
export const updateAnchor = (entryId: number) => `update-${entryId}`;
/** Where a maintenance is shown on /status (upcoming, in progress, or in the history). */
export const maintenanceAnchor = (id: string) => `maintenance-${id}`;

/** An entry in Atom's terms: announcements other than incident updates (maintenance) arrive as these. */
export type AtomEntry = {
  /** Permanent IRI; also the entry's alternate link. */
  url: string;
  title: string;
  updatedMs: number;
  publishedMs: number;
  content: string;
};

function updateEntry(baseUrl: string, e: FeedEntry): AtomEntry & { order: number } {
  return { url: `${baseUrl}${incidentPath(e.incidentNumber)}#${updateAnchor(e.id)}`, title: `${e.title} — ${e.status}`, updatedMs: e.atMs, publishedMs: e.atMs, content: e.body, order: e.id };
}

/**
 * The Atom document: incident updates (`entries`) and other announcements, newest first.
 * `baseUrl` has no trailing slash; `nowMs` dates an empty feed.
 */
export function atomFeed({ baseUrl, title, entries, announcements = [], nowMs }: { baseUrl: string; title: string; entries: readonly FeedEntry[]; announcements?: readonly AtomEntry[]; nowMs: number }): string {
  const sorted = [...entries.map((e) => updateEntry(baseUrl, e)), ...announcements.map((a) => ({ ...a, order: 0 }))].sort((a, b) => b.updatedMs - a.updatedMs || b.order - a.order);
  const updated = new Date(sorted[0]?.updatedMs ?? nowMs).toISOString();
  const page = `${baseUrl}/status`;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <id>${xmlEscape(page)}</id>`,
    `  <title>${xmlEscape(title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlEscape(title)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(`${page}/feed.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(page)}"/>`,
  ];
  for (const e of sorted) {
    lines.push(
      `  <entry>`,
      `    <id>${xmlEscape(e.url)}</id>`,
      `    <title>${xmlEscape(e.title)}</title>`,
      `    <updated>${new Date(e.updatedMs).toISOString()}</updated>`,
      `    <published>${new Date(e.publishedMs).toISOString()}</published>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>`,
      `    <content type="text">${xmlEscape(e.content)}</content>`,
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}
