/**
 * The status page's Atom 1.0 feed (RFC 4287): one entry per public update. Pure.
 * Ids are the update's permanent URL on the incident's public page, so they never change.
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

/** The Atom document. `baseUrl` has no trailing slash; `nowMs` dates an empty feed. */
export function atomFeed({ baseUrl, title, entries, nowMs }: { baseUrl: string; title: string; entries: readonly FeedEntry[]; nowMs: number }): string {
  const sorted = [...entries].sort((a, b) => b.atMs - a.atMs || b.id - a.id);
  const updated = new Date(sorted[0]?.atMs ?? nowMs).toISOString();
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
    const url = `${baseUrl}${incidentPath(e.incidentNumber)}#${updateAnchor(e.id)}`;
    const at = new Date(e.atMs).toISOString();
    lines.push(
      `  <entry>`,
      `    <id>${xmlEscape(url)}</id>`,
      `    <title>${xmlEscape(`${e.title} — ${e.status}`)}</title>`,
      `    <updated>${at}</updated>`,
      `    <published>${at}</published>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
      `    <content type="text">${xmlEscape(e.body)}</content>`,
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}
