import type { PublicUpdate } from "@/lib/status-page/queries";
import { formatUtc } from "@/lib/status-page/format";
import { updateAnchor } from "@/lib/status-page/feed";

/** An incident's public updates, newest first, each with an anchor the feed and emails link to. */
export function PublicUpdates({ updates }: { updates: PublicUpdate[] }) {
  if (!updates.length) return <p className="text-sm text-muted">No updates have been published yet.</p>;
  return (
    <ol className="space-y-3">
      {updates.map((u) => (
        <li key={u.id} id={updateAnchor(u.id)} className="border-l-2 border-line pl-3" data-testid="public-update">
          <time dateTime={new Date(u.atMs).toISOString()} className="text-xs text-muted">
            {formatUtc(u.atMs)}
          </time>
          <p className="mt-1 text-sm break-words whitespace-pre-wrap">{u.body}</p>
        </li>
      ))}
    </ol>
  );
}
