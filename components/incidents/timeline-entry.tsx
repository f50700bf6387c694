import type { TimelineKind } from "@/db/schema";
import type { TimelineEntryDto } from "@/lib/incidents/timeline";
import { Badge } from "@/components/ui/badge";
import { fullStamp, shortStamp } from "./format";

const kinds: Record<TimelineKind, { label: string; tone: "neutral" | "ok" | "warn" | "danger" | "accent" }> = {
  status: { label: "Status", tone: "accent" },
  severity: { label: "Severity", tone: "warn" },
  role: { label: "Roles", tone: "neutral" },
  edit: { label: "Edit", tone: "neutral" },
  note: { label: "Note", tone: "neutral" },
  action: { label: "Action taken", tone: "ok" },
  alert_firing: { label: "Alert firing", tone: "danger" },
  alert_resolved: { label: "Alert resolved", tone: "ok" },
  link: { label: "Link", tone: "neutral" },
  status_update: { label: "Status page update", tone: "accent" },
  timestamp_edit: { label: "Time corrected", tone: "neutral" },
};

const httpUrl = (u: unknown): u is string => typeof u === "string" && /^https?:\/\//i.test(u);

/** One timeline entry: its kind, who wrote it (or Keel), when, and what it says. */
export function TimelineEntry({ entry }: { entry: TimelineEntryDto }) {
  const kind = kinds[entry.kind] ?? { label: entry.kind, tone: "neutral" };
  const author = entry.author ? entry.author.name || entry.author.email : "Keel";
  return (
    <li className="border-l-2 border-line pl-3" data-kind={entry.kind}>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-xs text-muted">
        <Badge tone={kind.tone}>{kind.label}</Badge>
        <span className="font-medium text-fg">{author}</span>
        <time dateTime={entry.at} title={fullStamp(entry.at)}>
          {shortStamp(entry.at)}
        </time>
      </div>
      <p className="mt-1 text-sm break-words whitespace-pre-wrap">{entry.body}</p>
      {entry.kind === "link" && httpUrl(entry.data.url) && (
        <a href={entry.data.url} className="text-sm break-all text-link underline" target="_blank" rel="noopener noreferrer">
          {entry.data.url}
        </a>
      )}
    </li>
  );
}
