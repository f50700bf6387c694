/**
 * Back-filling an incident's recorded times. Pure: validation of the edit against the times the
 * incident already has.
 */
import { validationError } from "@/lib/errors";
import { timestampEditSchema, type EditableTimestamp, type TimestampEdit } from "./schemas";

export type StampField = EditableTimestamp;

/** The recorded times in the order they must keep. */
const CHAIN = ["started", "detected", "acknowledged", "mitigated", "resolved", "closed"] as const;
type ChainField = (typeof CHAIN)[number];

const labels: Record<ChainField, string> = {
  started: "Started",
  detected: "Detected",
  acknowledged: "Acknowledged",
  mitigated: "Mitigated",
  resolved: "Resolved",
  closed: "Closed",
};

const notYet: Record<EditableTimestamp, string> = {
  started: "",
  detected: "",
  acknowledged: "it is set when the incident leaves triaging",
  mitigated: "it is set when the incident moves to monitoring",
  resolved: "it is set when the incident is resolved",
};

export function stampLabel(field: ChainField): string {
  return labels[field];
}

/**
 * Why setting `field` to `at` is not allowed given the incident's times, or null when it is: the
 * time must already be recorded, not lie after `maxMs` (now plus clock skew) and keep the order
 * started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved ≤ closed.
 */
export function timestampProblem(field: EditableTimestamp, at: Date, stamps: Record<ChainField, Date | null>, maxMs: number): string | null {
  if (!stamps[field]) return `${labels[field]} time is not recorded yet; ${notYet[field]}.`;
  if (at.getTime() > maxMs) return `${labels[field]} time cannot be in the future.`;
  const pos = CHAIN.indexOf(field);
  for (const other of CHAIN) {
    const t = stamps[other];
    if (!t || other === field) continue;
    const otherPos = CHAIN.indexOf(other);
    if (otherPos < pos && at < t) return `${labels[field]} cannot be before ${labels[other].toLowerCase()} (${t.toISOString()}).`;
    if (otherPos > pos && at > t) return `${labels[field]} cannot be after ${labels[other].toLowerCase()} (${t.toISOString()}).`;
  }
  return null;
}

/** Validates the edit's input (a 400 with field errors otherwise). */
export function checkTimestampEdit(input: TimestampEdit) {
  const parsed = timestampEditSchema.safeParse({ ...input, at: input.at instanceof Date ? input.at.toISOString() : input.at });
  if (!parsed.success) throw validationError(parsed.error);
  const { field, reason, version } = parsed.data;
  const at = new Date(parsed.data.at);
  return { field, at, reason, version, problem: (stamps: Record<ChainField, Date | null>, maxMs: number) => timestampProblem(field, at, stamps, maxMs) };
}
