"use client";

import { useMemo, useSyncExternalStore } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatFullTimestamp, formatTimeTick, formatValue, timeTicks, type ChartUnit } from "@/components/charts/format";
import type { ForecastChartData } from "@/lib/capacity/chart-data";
import { chartUnit } from "./chart-unit";

type Row = { t: number; v?: number | null; median?: number; band80?: [number, number]; band95?: [number, number] };

export type ForecastChartProps = { data: ForecastChartData; unit: string; ariaLabel: string; warningLabel: string; height?: number };

const noop = () => () => {};
const COLORS = {
  history: "[--cap-history:#2563eb] dark:[--cap-history:#60a5fa]",
  forecast: "[--cap-forecast:#7e22ce] dark:[--cap-forecast:#c084fc]",
};

function ForecastTooltip({ active, payload, label, unit, timeZone }: TooltipContentProps & { unit: ChartUnit; timeZone: string }) {
  if (!active || !payload?.length || typeof label !== "number") return null;
  const row = payload[0].payload as Row;
  const fmt = (v: number | null | undefined) => formatValue(v ?? null, unit);
  return (
    <div className="rounded-md border border-line bg-surface p-2 text-xs text-fg shadow-lg">
      <p className="mb-1 font-medium">{formatFullTimestamp(label, timeZone)}</p>
      {row.v !== undefined && <p>Usage: {fmt(row.v)}</p>}
      {row.median !== undefined && (
        <>
          <p>Forecast: {fmt(row.median)}</p>
          <p className="text-muted">
            80 %: {fmt(row.band80?.[0])} – {fmt(row.band80?.[1])} · 95 %: {fmt(row.band95?.[0])} – {fmt(row.band95?.[1])}
          </p>
        </>
      )}
    </div>
  );
}

/** History, the median forecast with its 80 % and 95 % bands, and the warning and limit lines. */
export function ForecastChart({ data, unit: rawUnit, ariaLabel, warningLabel, height = 300 }: ForecastChartProps) {
  const timeZone = useSyncExternalStore(noop, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "UTC");
  const unit = chartUnit(rawUnit);
  const rows = useMemo<Row[]>(
    () => [
      ...data.history.map(([t, v]) => ({ t, v })),
      ...data.forecast.map(([t, median, l80, u80, l95, u95]) => ({ t, median, band80: [l80, u80] as [number, number], band95: [l95, u95] as [number, number] })),
    ],
    [data],
  );
  const x0 = data.history[0]?.[0] ?? data.now;
  const x1 = data.end;
  const ticks = useMemo(() => timeTicks(x0, x1, 6, timeZone), [x0, x1, timeZone]);
  const top = useMemo(() => {
    let m = data.limit * 1.08;
    for (const [, v] of data.history) if (v !== null) m = Math.max(m, v * 1.05);
    for (const p of data.forecast) m = Math.max(m, p[1] * 1.05);
    return m;
  }, [data]);
  const axisTick = { fill: "var(--muted)", fontSize: 12 };
  const legend = [
    { label: "Usage", swatch: "bg-[var(--cap-history)]" },
    { label: "Forecast (median)", swatch: "bg-[var(--cap-forecast)]" },
    { label: "80 % band", swatch: "bg-[var(--cap-forecast)] opacity-40" },
    { label: "95 % band", swatch: "bg-[var(--cap-forecast)] opacity-15" },
    { label: warningLabel, swatch: "bg-warn" },
    { label: "Limit", swatch: "bg-danger" },
  ];

  return (
    <figure className={`m-0 ${COLORS.history} ${COLORS.forecast}`}>
      <div role="img" aria-label={ariaLabel} data-testid="capacity-forecast-chart">
        <ComposedChart responsive accessibilityLayer={false} data={rows} style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={[x0, x1]} ticks={ticks} tickFormatter={(t: number) => formatTimeTick(t, x1 - x0, timeZone)} tick={axisTick} stroke="var(--line)" allowDataOverflow />
          <YAxis width="auto" domain={[0, top]} allowDataOverflow tickFormatter={(v: number) => formatValue(v, unit)} tick={axisTick} stroke="var(--line)" />
          <Tooltip content={(p) => <ForecastTooltip {...p} unit={unit} timeZone={timeZone} />} isAnimationActive={false} cursor={{ stroke: "var(--muted)" }} />
          <Area dataKey="band95" name="95 % band" type="linear" stroke="none" fill="var(--cap-forecast)" fillOpacity={0.12} isAnimationActive={false} connectNulls={false} />
          <Area dataKey="band80" name="80 % band" type="linear" stroke="none" fill="var(--cap-forecast)" fillOpacity={0.28} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="v" name="Usage" type="linear" stroke="var(--cap-history)" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="median" name="Forecast" type="linear" stroke="var(--cap-forecast)" strokeWidth={1.5} strokeDasharray="5 3" dot={false} isAnimationActive={false} connectNulls={false} />
          <ReferenceLine x={data.now} stroke="var(--muted)" strokeDasharray="2 3" label={{ value: "now", position: "insideTopLeft", fill: "var(--muted)", fontSize: 11 }} />
          <ReferenceLine y={data.warning} ifOverflow="extendDomain" stroke="var(--warn)" strokeDasharray="6 4" label={{ value: warningLabel, position: "insideBottomLeft", fill: "var(--warn)", fontSize: 11 }} />
          <ReferenceLine y={data.limit} ifOverflow="extendDomain" stroke="var(--danger)" strokeDasharray="6 4" label={{ value: "Limit", position: "insideBottomLeft", fill: "var(--danger)", fontSize: 11 }} />
        </ComposedChart>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        {legend.map((l) => (
          <span key={l.label} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-sm ${l.swatch}`} />
            {l.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
