import { formatDuration } from "@/lib/prometheus/duration";

/** A PromQL range covering exactly `ms` (whole seconds). */
export function rangeText(ms: number): string {
  return formatDuration(Math.max(1000, Math.floor(ms / 1000) * 1000));
}
