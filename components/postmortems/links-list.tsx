import type { SupportingLink } from "@/lib/postmortems/document";
import { safeUrl } from "./markdown-view";

/** Supporting links; only http(s) URLs become links (the save schema allows no others anyway). */
export function LinksList({ links }: { links: SupportingLink[] }) {
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {links.map((l, i) => {
        const href = safeUrl(l.url);
        const label = l.label.trim() || l.url;
        return (
          <li key={i} className="break-words">
            {href ? (
              <a href={href} rel="noopener noreferrer nofollow" className="text-link underline hover:no-underline">
                {label}
              </a>
            ) : (
              label
            )}
            {href && l.label.trim() && <span className="ml-1 hidden text-xs text-muted print:inline">({l.url})</span>}
          </li>
        );
      })}
    </ul>
  );
}
