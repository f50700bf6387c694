import type { CalendarDay, CalendarViewKind, Piece } from "@/lib/oncall/calendar-view";
import { formatDay, formatInZone, formatRange, formatTime } from "@/lib/oncall/format";

/** Border colours that tell layers apart (by position), with text kept in the foreground colour. */
const LAYER_STYLES = ["border-l-link", "border-l-ok", "border-l-accent", "border-l-warn", "border-l-danger", "border-l-muted"];

type Props = {
  view: CalendarViewKind;
  days: CalendarDay[];
  /** Layers in schedule order (lowest first). */
  layers: { id: string; name: string }[];
  /** Every layer id in schedule order, so colours stay put when a removed layer is hidden. */
  allLayerIds: string[];
  names: Record<string, string>;
  timeZone: string;
  viewerZone: string;
  nowMs: number;
};

function who(p: Piece, names: Record<string, string>) {
  return p.userIds.map((u) => names[u] ?? "Unknown person").join(", ");
}

function Block({ p, names, tz, viewerZone, layerStyle, layerName }: { p: Piece; names: Record<string, string>; tz: string; viewerZone: string; layerStyle: string; layerName: string }) {
  const range = formatRange(p.startMs, p.endMs, tz);
  const mine = viewerZone !== tz ? ` · your time (${viewerZone}): ${formatRange(p.startMs, p.endMs, viewerZone)}` : "";
  return (
    <div
      className={`absolute inset-y-0 overflow-hidden rounded-sm border-l-4 ${layerStyle} ${p.overridden ? "border border-dashed border-warn bg-surface" : "bg-raised"} px-1 text-xs leading-6 whitespace-nowrap`}
      style={{ left: `${p.leftPct}%`, width: `${p.widthPct}%` }}
      title={`${who(p, names)} (${layerName}${p.overridden ? ", override" : ""}): ${range}${mine}`}
      data-override={p.overridden || undefined}
    >
      {p.overridden && <span aria-hidden>⇄ </span>}
      {who(p, names)}
      <span className="sr-only">
        , {range}
        {p.overridden ? ", override" : ""}
      </span>
    </div>
  );
}

/** The final schedule, and each layer, as a week of day bars or a month grid; times on the schedule's clock. */
export function ShiftCalendar({ view, days, layers, allLayerIds, names, timeZone, viewerZone, nowMs }: Props) {
  const styleOf = (layerId: string | null) => (layerId ? LAYER_STYLES[Math.max(0, allLayerIds.indexOf(layerId)) % LAYER_STYLES.length] : "border-l-line");
  const nameOf = (layerId: string | null) => layers.find((l) => l.id === layerId)?.name ?? "no layer";
  const legend = (
    <ul className="mb-3 flex flex-wrap gap-3 text-xs" aria-label="Legend">
      {[...layers].reverse().map((l) => (
        <li key={l.id} className={`border-l-4 ${styleOf(l.id)} bg-raised px-2 py-0.5`}>
          {l.name}
        </li>
      ))}
      <li className="border border-dashed border-warn px-2 py-0.5">⇄ Override</li>
    </ul>
  );
  if (view === "month") {
    const weeks = Array.from({ length: days.length / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));
    return (
      <div>
        {legend}
        <div className="overflow-x-auto">
          <table className="w-full table-fixed border-collapse text-xs" aria-label="Month calendar of the final schedule">
            <thead>
              <tr>
                {["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((d) => (
                  <th key={d} scope="col" className="border border-line p-1 text-left font-medium text-muted">
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week[0].date}>
                  {week.map((d) => (
                    <td key={d.date} className={`h-24 border border-line p-1 align-top ${d.inMonth ? "" : "bg-raised"}`} data-date={d.date}>
                      <p className={`mb-1 font-medium ${nowMs >= d.startMs && nowMs < d.endMs ? "text-link underline" : d.inMonth ? "" : "text-muted"}`}>{Number(d.date.slice(8))}</p>
                      <ul className="space-y-0.5">
                        {d.final.map((p) => (
                          <li key={p.startMs} className={`truncate border-l-4 ${styleOf(p.sourceLayerId)} ${p.overridden ? "border border-dashed border-warn" : ""} pl-1`} title={`${who(p, names)}: ${formatRange(p.startMs, p.endMs, timeZone)} (${nameOf(p.sourceLayerId)}${p.overridden ? ", override" : ""})`} data-override={p.overridden || undefined}>
                            {p.overridden && <span aria-hidden>⇄ </span>}
                            {p.continues ? "" : `${formatTime(p.startMs, timeZone)} `}
                            {who(p, names)}
                            {p.overridden && <span className="sr-only"> (override)</span>}
                          </li>
                        ))}
                        {!d.final.length && <li className="text-warn">Nobody</li>}
                      </ul>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  }
  const tracks = [{ id: "final", name: "Final" }, ...[...layers].reverse()];
  return (
    <div>
      {legend}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse text-sm" aria-label="Week calendar of the final schedule and its layers">
          <thead>
            <tr className="text-xs text-muted">
              <th scope="col" className="w-28 p-1 text-left font-medium">
                Day
              </th>
              <th scope="col" className="p-1 text-left font-medium">
                <span className="flex justify-between">
                  {["00:00", "06:00", "12:00", "18:00", "24:00"].map((h) => (
                    <span key={h}>{h}</span>
                  ))}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date} className="border-t border-line" data-date={d.date}>
                <th scope="row" className={`p-1 text-left align-top font-medium ${nowMs >= d.startMs && nowMs < d.endMs ? "text-link" : ""}`}>
                  {formatDay(d.startMs, timeZone)}
                </th>
                <td className="space-y-1 p-1">
                  {tracks.map((t) => {
                    const pieces = t.id === "final" ? d.final : (d.layers[t.id] ?? []);
                    return (
                      <div key={t.id} className="flex items-center gap-2">
                        <span className={`w-20 shrink-0 truncate text-xs ${t.id === "final" ? "font-semibold" : "text-muted"}`}>{t.name}</span>
                        <div className="relative h-6 flex-1 rounded-sm bg-bg" aria-label={`${t.name}, ${formatDay(d.startMs, timeZone)}`} role="group">
                          {pieces.map((p) => (
                            <Block key={p.startMs} p={p} names={names} tz={timeZone} viewerZone={viewerZone} layerStyle={styleOf(t.id === "final" ? p.sourceLayerId : t.id)} layerName={t.id === "final" ? nameOf(p.sourceLayerId) : t.name} />
                          ))}
                          {!pieces.length && t.id === "final" && <span className="px-1 text-xs leading-6 text-warn">Nobody</span>}
                        </div>
                      </div>
                    );
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-muted">Now: {formatInZone(nowMs, timeZone)}.</p>
    </div>
  );
}
