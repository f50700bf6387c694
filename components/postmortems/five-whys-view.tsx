import type { FiveWhys } from "@/lib/postmortems/document";
import { MarkdownView } from "./markdown-view";

/** The whys, numbered, then the root cause they lead to. */
export function FiveWhysView({ fiveWhys }: { fiveWhys: FiveWhys }) {
  const whys = fiveWhys.whys.filter((w) => w.trim());
  return (
    <div className="space-y-3">
      {whys.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">5 Whys</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-6 text-sm" data-testid="five-whys">
            {whys.map((w, i) => (
              <li key={i} className="whitespace-pre-wrap">
                {w}
              </li>
            ))}
          </ol>
        </div>
      )}
      <div>
        <h3 className="text-sm font-semibold">Root cause</h3>
        {fiveWhys.rootCause.trim() ? <MarkdownView source={fiveWhys.rootCause} headingOffset={3} /> : <p className="text-sm text-muted">Not written yet.</p>}
      </div>
    </div>
  );
}
