import { bannerText, type ComponentState } from "@/lib/status-page/states";
import { formatUtc } from "@/lib/status-page/format";
import { stateBorder, stateFill } from "./state-style";

/** The headline of the status page: all operational, or the worst state of any component. */
export function OverallBanner({ overall, nowMs }: { overall: ComponentState; nowMs: number }) {
  return (
    <section aria-label="Overall status" className={`flex items-center gap-3 rounded-lg border-2 bg-surface p-4 ${stateBorder[overall]}`}>
      <span aria-hidden="true" className={`h-3 w-3 shrink-0 rounded-full ${stateFill[overall]}`} />
      <div>
        <p className="text-lg font-semibold" data-testid="overall-status">
          {bannerText(overall)}
        </p>
        <p className="text-xs text-muted">
          As of <time dateTime={new Date(nowMs).toISOString()}>{formatUtc(nowMs)}</time>
        </p>
      </div>
    </section>
  );
}
