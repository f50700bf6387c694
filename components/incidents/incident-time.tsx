import { fullStamp, relativeText } from "./format";

/** When something happened: relative to the page's render time, with the full UTC stamp beneath. */
export function IncidentTime({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} className="block">
      <span className="block">{relativeText(iso, now)}</span>
      <span className="block text-xs text-muted">{fullStamp(iso)}</span>
    </time>
  );
}
