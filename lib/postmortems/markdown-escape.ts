/** Writing user text safely into generated Markdown: inline text, table cells, link URLs, nested sections. */

/**
 * Plain text (a name, a title) as literal Markdown: no emphasis, links, headings or HTML. (GFM
 * still links bare URLs and emails in text, whatever the escaping; renderers keep only safe ones.)
 */
export function escapeInline(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-=])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2")
    .replace(/&/g, "&amp;");
}

/**
 * Markdown text (a timeline row, an action item title) for one GFM table cell: inline Markdown
 * stays, but pipes are escaped and line breaks become spaces so the text cannot leave its cell.
 * Backslashes already escaping a pipe are kept working. An empty cell shows "—".
 */
export function escapeCell(text: string): string {
  const one = text
    .replace(/\r\n?|\n/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!one) return "—";
  // A pipe preceded by an odd number of backslashes is already escaped; escape every other.
  return one.replace(/(\\*)\|/g, (_m, bs: string) => (bs.length % 2 ? `${bs}|` : `${bs}\\|`));
}

/** Plain text for a table cell: literal (no Markdown) and cell-safe. */
export function plainCell(text: string): string {
  const t = text.trim();
  return t ? escapeInline(t) : "—";
}

/**
 * A URL for a Markdown link destination, or null when it is not http(s)/mailto. Characters that
 * would end the destination or a table cell are percent-encoded; it is written inside <…>.
 */
export function linkDestination(url: string): string | null {
  const u = url.trim();
  if (!/^(?:https?:\/\/|mailto:)/i.test(u)) return null;
  let href: string;
  try {
    href = new URL(u).href;
  } catch {
    return null;
  }
  return `<${href.replace(/[<>|\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)}>`;
}

/** "[label](<url>)", the label literal; just the label when the URL is not allowed. */
export function markdownLink(label: string, url: string): string {
  const dest = linkDestination(url);
  const text = escapeInline(label.trim() || url.trim());
  return dest ? `[${text}](${dest})` : text;
}

/**
 * Pushes every ATX heading ("# x") in the author's Markdown down by `levels` (capped at ######),
 * so a "# Heading" inside a section cannot outrank the section's own heading. Fenced code is left
 * alone. Setext headings ("x\n===") become ATX ones for the same reason.
 */
export function demoteHeadings(markdown: string, levels: number): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let fence: string | null = null;
  const out: string[] = [];
  for (const line of lines) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = null;
      out.push(line);
      continue;
    }
    if (f) {
      fence = f[1];
      out.push(line);
      continue;
    }
    const atx = /^( {0,3})(#{1,6})(?=[ \t]|$)(.*)$/.exec(line);
    if (atx) {
      out.push(`${atx[1]}${"#".repeat(Math.min(6, atx[2].length + levels))}${atx[3]}`);
      continue;
    }
    const setext = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
    const prev = out.at(-1);
    if (setext && prev !== undefined && prev.trim() !== "" && !isBlockStart(prev) && (setext[1][0] === "=" || setext[1].length >= 2)) {
      const level = setext[1][0] === "=" ? 1 : 2;
      out[out.length - 1] = `${"#".repeat(Math.min(6, level + levels))} ${prev.trim()}`;
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}

/** Lines after which "---" is not a setext underline (lists, quotes, headings, tables, blank). */
function isBlockStart(line: string): boolean {
  return /^ {0,3}(?:[-*+] |\d+[.)] |>|#|\|)/.test(line);
}
