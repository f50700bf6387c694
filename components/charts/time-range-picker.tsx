"use client";

import { useId, useState, useSyncExternalStore, type FormEvent } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  PRESET_LABELS,
  RANGE_PRESETS,
  applyTimeRange,
  fromDatetimeLocalValue,
  parseTimeRange,
  resolveTimeRange,
  timeRangeLabel,
  toDatetimeLocalValue,
  validateCustomRange,
  type TimeRange,
} from "@/lib/prometheus/time-range";

const noop = () => () => {};
/** "UTC" on the server and during hydration, then the browser's zone. */
function useTimeZone(): string {
  return useSyncExternalStore(noop, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "UTC");
}

const chip = "rounded-md px-2.5 py-1 text-sm font-medium aria-pressed:bg-accent aria-pressed:text-accent-fg hover:bg-raised aria-pressed:hover:bg-accent";
const input = "rounded-md border border-line bg-surface px-2 py-1 text-sm text-fg aria-[invalid=true]:border-danger";

/**
 * Preset buttons and a custom from/to form. Reads and writes `range` / `from` / `to` in the URL
 * (router.replace), keeping every other search param. Needs a Suspense boundary above it when
 * the page is statically rendered (useSearchParams).
 */
export function TimeRangePicker({ className = "" }: { className?: string }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const timeZone = useTimeZone();
  const id = useId();
  const range = parseTimeRange(searchParams);
  const [customOpen, setCustomOpen] = useState(false);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | null>(null);

  function navigate(next: TimeRange) {
    const params = applyTimeRange(new URLSearchParams(searchParams.toString()), next);
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  }

  function openCustom() {
    if (customOpen) return setCustomOpen(false);
    const { start, end } = resolveTimeRange(range, Date.now());
    setFrom(toDatetimeLocalValue(start));
    setTo(toDatetimeLocalValue(end));
    setError(null);
    setCustomOpen(true);
  }

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = fromDatetimeLocalValue(from);
    const t = fromDatetimeLocalValue(to);
    const problem =
      f === null ? "Enter a valid start time." : t === null ? "Enter a valid end time." : f > Date.now() ? "The start is in the future." : validateCustomRange(f, t);
    setError(problem);
    if (problem || f === null || t === null) return;
    setCustomOpen(false);
    navigate({ kind: "custom", from: f, to: t });
  }

  const errId = `${id}-error`;
  const invalid = error ? true : undefined;
  return (
    <div className={`flex flex-col gap-2 ${className}`}>
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Time range" className="inline-flex flex-wrap gap-1 rounded-lg border border-line bg-surface p-1">
          {RANGE_PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              aria-pressed={range.kind === "preset" && range.preset === p}
              title={PRESET_LABELS[p]}
              onClick={() => {
                setCustomOpen(false);
                navigate({ kind: "preset", preset: p });
              }}
              className={chip}
            >
              {p}
              <span className="sr-only"> ({PRESET_LABELS[p].toLowerCase()})</span>
            </button>
          ))}
          <button type="button" aria-pressed={range.kind === "custom"} aria-expanded={customOpen} aria-controls={`${id}-custom`} onClick={openCustom} className={chip}>
            Custom
          </button>
        </div>
        <span className="text-xs text-muted">
          {timeRangeLabel(range, { timeZone })} · times in {timeZone}
        </span>
      </div>
      {customOpen && (
        <form id={`${id}-custom`} onSubmit={apply} noValidate className="flex flex-wrap items-end gap-2 rounded-lg border border-line bg-surface p-3">
          <label className="flex flex-col gap-1 text-xs font-medium">
            From
            <input type="datetime-local" required value={from} onChange={(e) => setFrom(e.target.value)} aria-invalid={invalid} aria-describedby={error ? errId : undefined} className={input} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium">
            To
            <input type="datetime-local" required value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={invalid} aria-describedby={error ? errId : undefined} className={input} />
          </label>
          <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-fg hover:opacity-90">
            Apply
          </button>
          <button type="button" onClick={() => setCustomOpen(false)} className="rounded-md px-3 py-1.5 text-sm hover:bg-raised">
            Cancel
          </button>
          <p id={errId} role="alert" className="w-full text-sm text-danger empty:hidden">
            {error ?? ""}
          </p>
        </form>
      )}
    </div>
  );
}
