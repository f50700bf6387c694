"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { mergeSeries, seriesStats, type ChartSeries } from "@/lib/prometheus/series";
import { formatFullTimestamp, formatTimeTick, formatValue, timeTicks, type ChartUnit } from "./format";

export type ChartTone = "danger" | "warn" | "ok" | "muted";
export type ChartThreshold = { value: number; label: string; tone?: ChartTone };
export type ChartRegion = { from: number; to: number; label: string; tone?: ChartTone }; // ms
type DomainEdge = number | "auto" | "dataMin" | "dataMax";

export type TimeSeriesChartProps = {
  series: ChartSeries[];
  unit?: ChartUnit;
  thresholds?: ChartThreshold[];
  regions?: ChartRegion[];
  height?: number;
  stacked?: boolean;
  yDomain?: [DomainEdge, DomainEdge];
  /** The window shown on the x axis (ms); defaults to the data's extent. */
  xDomain?: [number, number];
  /** Series left out upstream (e.g. SeriesSet.omitted), announced under the legend. */
  omittedSeries?: number;
  /** Chart title for assistive technology; the summary adds series count and time range. */
  ariaLabel: string;
  /** IANA zone for labels; defaults to the browser's. */
  timeZone?: string;
};

const toneVar: Record<ChartTone, string> = { danger: "var(--danger)", warn: "var(--warn)", ok: "var(--ok)", muted: "var(--muted)" };

/** Series colours as CSS variables, one light/dark pair each (index = ChartSeries.colorIndex). */
const PALETTE_CLASSES = [
  "[--series-0:#2563eb] dark:[--series-0:#60a5fa]",
  "[--series-1:#c2410c] dark:[--series-1:#fb923c]",
  "[--series-2:#15803d] dark:[--series-2:#4ade80]",
  "[--series-3:#b91c1c] dark:[--series-3:#f87171]",
  "[--series-4:#7e22ce] dark:[--series-4:#c084fc]",
  "[--series-5:#0f766e] dark:[--series-5:#2dd4bf]",
  "[--series-6:#be185d] dark:[--series-6:#f472b6]",
  "[--series-7:#a16207] dark:[--series-7:#facc15]",
  "[--series-8:#4338ca] dark:[--series-8:#a5b4fc]",
  "[--series-9:#0e7490] dark:[--series-9:#67e8f9]",
].join(" ");
export const seriesColor = (colorIndex: number) => `var(--series-${colorIndex % 10})`;

const noop = () => () => {};
function useTimeZone(override?: string): string {
  // "UTC" on the server and during hydration, then the browser's zone: no hydration mismatch.
  const tz = useSyncExternalStore(noop, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "UTC");
  return override ?? tz;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : -Infinity);

function ChartTooltip({ active, payload, label, unit, timeZone }: TooltipContentProps & { unit: ChartUnit; timeZone: string }) {
  if (!active || !payload?.length || typeof label !== "number") return null;
  const items = [...payload].filter((p) => !p.hide).sort((a, b) => num(b.value) - num(a.value));
  return (
    <div className="max-w-sm rounded-md border border-line bg-surface p-2 text-xs text-fg shadow-lg">
      <p className="mb-1 font-medium">{formatFullTimestamp(label, timeZone)}</p>
      <ul className="space-y-0.5">
        {items.map((p) => (
          <li key={String(p.dataKey)} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-2 w-2 shrink-0 rounded-full" style={{ background: p.color ?? p.stroke }} />
            <span className="truncate">{p.name}</span>
            <span className="ml-auto pl-2 font-mono tabular-nums">{formatValue(typeof p.value === "number" ? p.value : null, unit)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { series, unit = "short", thresholds = [], regions = [], height = 240, stacked = false, yDomain, omittedSeries = 0, ariaLabel } = props;
  const timeZone = useTimeZone(props.timeZone);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [showTable, setShowTable] = useState(false);
  const rows = useMemo(() => mergeSeries(series), [series]);
  const stats = useMemo(() => series.map((s) => ({ s, ...seriesStats(s.points) })), [series]);

  const [x0, x1] = props.xDomain ?? [rows[0]?.t ?? 0, rows[rows.length - 1]?.t ?? 0];
  const span = x1 - x0;
  const ticks = useMemo(() => timeTicks(x0, x1, 6, timeZone), [x0, x1, timeZone]);
  const fmtTick = (t: number) => formatTimeTick(t, span, timeZone);
  const rangeText = span > 0 ? `${formatFullTimestamp(x0, timeZone)} to ${formatFullTimestamp(x1, timeZone)}` : "no time range";
  const summary = `${ariaLabel}: ${series.length} series${omittedSeries ? ` (${omittedSeries} more not shown)` : ""}, ${rangeText}.`;
  const toggle = (key: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const axisTick = { fill: "var(--muted)", fontSize: 12 };

  return (
    <figure className={`m-0 ${PALETTE_CLASSES}`}>
      <div role="img" aria-label={summary}>
        <ComposedChart responsive accessibilityLayer={false} data={rows} style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={[x0, x1]} ticks={ticks} tickFormatter={fmtTick} tick={axisTick} stroke="var(--line)" allowDataOverflow />
          <YAxis width="auto" domain={yDomain} tickFormatter={(v: number) => formatValue(v, unit)} tick={axisTick} stroke="var(--line)" />
          <Tooltip content={(p) => <ChartTooltip {...p} unit={unit} timeZone={timeZone} />} isAnimationActive={false} cursor={{ stroke: "var(--muted)" }} />
          {regions.map((r, i) => (
            <ReferenceArea key={`r${i}`} x1={r.from} x2={r.to} ifOverflow="hidden" fill={toneVar[r.tone ?? "muted"]} fillOpacity={0.12} label={{ value: r.label, position: "insideTopLeft", fill: toneVar[r.tone ?? "muted"], fontSize: 11 }} />
          ))}
          {series.map((s) =>
            stacked ? (
              <Area key={s.key} dataKey={s.key} name={s.name} stackId="stack" type="linear" stroke={seriesColor(s.colorIndex)} fill={seriesColor(s.colorIndex)} fillOpacity={0.25} hide={hidden.has(s.key)} isAnimationActive={false} dot={false} />
            ) : (
              <Line key={s.key} dataKey={s.key} name={s.name} type="linear" stroke={seriesColor(s.colorIndex)} strokeWidth={1.5} hide={hidden.has(s.key)} isAnimationActive={false} dot={s.points.length === 1} connectNulls={false} />
            ),
          )}
          {thresholds.map((t, i) => (
            <ReferenceLine key={`t${i}`} y={t.value} ifOverflow="extendDomain" stroke={toneVar[t.tone ?? "danger"]} strokeDasharray="6 4" label={{ value: t.label, position: "insideTopRight", fill: toneVar[t.tone ?? "danger"], fontSize: 11 }} />
          ))}
        </ComposedChart>
      </div>
      <figcaption className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        {series.map((s) => (
          <button key={s.key} type="button" aria-pressed={!hidden.has(s.key)} onClick={() => toggle(s.key)} title={hidden.has(s.key) ? "Show series" : "Hide series"} className={`inline-flex max-w-full items-center gap-1.5 rounded px-1 hover:bg-raised ${hidden.has(s.key) ? "text-muted line-through" : ""}`}>
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: hidden.has(s.key) ? "transparent" : seriesColor(s.colorIndex), border: `2px solid ${seriesColor(s.colorIndex)}` }} />
            <span className="truncate">{s.name}</span>
          </button>
        ))}
        {omittedSeries > 0 && <span className="text-muted">{omittedSeries} more series not shown</span>}
        <button type="button" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)} className="ml-auto text-link underline-offset-2 hover:underline">
          {showTable ? "Hide table" : "Show as table"}
        </button>
      </figcaption>
      {showTable && (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{summary}</caption>
            <thead className="text-muted">
              <tr>
                {["Series", "Last", "Min", "Avg", "Max"].map((h) => (
                  <th key={h} scope="col" className="border-b border-line px-2 py-1 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stats.map(({ s, last, min, avg, max }) => (
                <tr key={s.key} className="border-b border-line last:border-0">
                  <th scope="row" className="max-w-xs truncate px-2 py-1 font-normal">
                    {s.name}
                  </th>
                  {[last, min, avg, max].map((v, i) => (
                    <td key={i} className="px-2 py-1 font-mono tabular-nums">
                      {formatValue(v, unit)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
