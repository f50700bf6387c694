"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export type FairnessRow = { name: string; business: number; offHours: number; night: number };

/** Stacked hours on call per person (business, off-hours, night), with the fair share as a line. */
export function FairnessBars({ data, fairShare, width }: { data: FairnessRow[]; fairShare: number; width: number }) {
  return (
    <BarChart width={width} height={240} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
      <CartesianGrid stroke="var(--line)" vertical={false} />
      <XAxis dataKey="name" tick={{ fill: "var(--muted)", fontSize: 12 }} stroke="var(--line)" />
      <YAxis tick={{ fill: "var(--muted)", fontSize: 12 }} stroke="var(--line)" width={44} unit=" h" />
      <Tooltip formatter={(v, n) => [`${typeof v === "number" ? v.toFixed(1) : v} h`, n]} contentStyle={{ background: "var(--surface)", border: "1px solid var(--line)", color: "var(--fg)" }} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="business" name="Business hours" stackId="h" fill="var(--ok)" isAnimationActive={false} />
      <Bar dataKey="offHours" name="Off-hours" stackId="h" fill="var(--warn)" isAnimationActive={false} />
      <Bar dataKey="night" name="Night" stackId="h" fill="var(--danger)" isAnimationActive={false} />
      {fairShare > 0 && <ReferenceLine y={fairShare} stroke="var(--accent)" strokeDasharray="4 4" label={{ value: "fair share", fill: "var(--muted)", fontSize: 11, position: "insideTopRight" }} />}
    </BarChart>
  );
}
