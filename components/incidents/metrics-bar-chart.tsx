"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

export type MetricsBar = { label: string; value: number | null };

/** A small bar chart of one measure per group; the tables below it carry the same figures as text. */
export function MetricsBarChart({ data, unit, height = 200, width }: { data: MetricsBar[]; unit: string; height?: number; width: number }) {
  return (
    <BarChart width={width} height={height} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
      <CartesianGrid stroke="var(--line)" vertical={false} />
      <XAxis dataKey="label" tick={{ fill: "var(--muted)", fontSize: 12 }} stroke="var(--line)" />
      <YAxis tick={{ fill: "var(--muted)", fontSize: 12 }} stroke="var(--line)" width={44} />
      <Tooltip formatter={(v) => [`${typeof v === "number" ? v.toFixed(1) : v} ${unit}`, "median"]} contentStyle={{ background: "var(--surface)", border: "1px solid var(--line)", color: "var(--fg)" }} />
      <Bar dataKey="value" fill="var(--accent)" isAnimationActive={false} />
    </BarChart>
  );
}
