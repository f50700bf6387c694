import type { MetricGroup } from "@/lib/incidents/metrics";
import { durationText, shareText } from "./metrics-table";

/** The headline figures for the whole range: medians, with how many incidents each counts. */
export function MetricsTiles({ overall }: { overall: MetricGroup }) {
  const tiles = [
    { label: "MTTA (median)", value: durationText(overall.mtta.median), note: `detected → acknowledged, ${overall.mtta.count} acknowledged` },
    { label: "MTTD (median)", value: durationText(overall.mttd.median), note: `started → detected, ${overall.mttd.count} incidents` },
    { label: "MTTR (median)", value: durationText(overall.mttr.median), note: `started → resolved, ${overall.mttr.count} resolved` },
    { label: "Acknowledged within target", value: shareText(overall.ackWithinTarget), note: "the severity's respond target, from detection" },
  ];
  return (
    <dl className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {tiles.map((t) => (
        <div key={t.label} className="rounded-lg border border-line bg-surface p-4">
          <dt className="text-sm text-muted">{t.label}</dt>
          <dd className="mt-1 text-2xl font-semibold" data-testid={`metric-${t.label}`}>
            {t.value}
          </dd>
          <dd className="mt-1 text-xs text-muted">{t.note}</dd>
        </div>
      ))}
    </dl>
  );
}
