/**
 * The Alertmanager webhook payload (version 4), validated with zod and normalised into the alerts
 * Keel stores. Unknown extra fields (e.g. `truncatedAlerts`) are ignored, so newer Alertmanagers
 * keep working. Pure.
 */
import { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import type { AlertStatus } from "@/db/schema/integrations";

/** Most alerts one delivery may carry; Alertmanager's `max_alerts` caps a receiver below this. */
export const MAX_ALERTS = 10_000;

const labelSet = z
  .record(z.string().min(1, "Label names cannot be empty.").max(1024), z.string().max(16_384, "Label and annotation values are at most 16,384 characters."))
  .refine((r) => Object.keys(r).length <= 500, "At most 500 labels or annotations.");
const instant = z.iso.datetime({ offset: true, message: "Times are RFC 3339 date-times, e.g. 2025-03-01T14:05:00.123Z." });
const status = z.enum(["firing", "resolved"], "Status is firing or resolved.");

export const alertSchema = z.object({
  status,
  labels: labelSet,
  annotations: labelSet.default({}),
  startsAt: instant,
  /** Alertmanager sends Go's zero time (0001-01-01T00:00:00Z) while an alert fires without an end. */
  endsAt: instant.optional(),
  generatorURL: z.string().max(8_192).default(""),
  fingerprint: z.string().trim().min(1, "Each alert needs its fingerprint.").max(256),
});

export const alertmanagerPayloadSchema = z.object({
  version: z.literal("4", 'Keel reads Alertmanager webhook payloads of version "4".'),
  groupKey: z.string().min(1, "groupKey is required.").max(16_384),
  status,
  receiver: z.string().max(1024).default(""),
  groupLabels: labelSet.default({}),
  commonLabels: labelSet.default({}),
  commonAnnotations: labelSet.default({}),
  externalURL: z.string().max(8_192).default(""),
  alerts: z.array(alertSchema).min(1, "The payload has no alerts.").max(MAX_ALERTS, `At most ${MAX_ALERTS} alerts per delivery; set max_alerts on the webhook receiver.`),
});
export type AlertmanagerPayload = z.output<typeof alertmanagerPayloadSchema>;
export type AlertmanagerPayloadInput = z.input<typeof alertmanagerPayloadSchema>;

/** One alert as Keel keeps it. `endsAt` is null while the alert fires with no known end. */
export type IncomingAlert = {
  fingerprint: string;
  alertname: string;
  status: AlertStatus;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: Date;
  endsAt: Date | null;
  generatorUrl: string;
};

/** Go's zero time and anything before 1970 mean "no end". */
function endOf(value: string | undefined): Date | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return ms > 0 ? new Date(ms) : null;
}

export function normaliseAlerts(payload: AlertmanagerPayload): IncomingAlert[] {
  // The same fingerprint twice in one delivery: the last one counts.
  const byFingerprint = new Map<string, IncomingAlert>();
  for (const a of payload.alerts) {
    byFingerprint.set(a.fingerprint, {
      fingerprint: a.fingerprint,
      alertname: a.labels.alertname ?? payload.commonLabels.alertname ?? "",
      status: a.status,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: new Date(a.startsAt),
      endsAt: endOf(a.endsAt),
      generatorUrl: a.generatorURL,
    });
  }
  return [...byFingerprint.values()];
}

export type PayloadCheck = { ok: true; payload: AlertmanagerPayload; alerts: IncomingAlert[] } | { ok: false; message: string; fields: FieldErrors };

/** Validates a parsed JSON body; on failure the message names the first problem and `fields` all of them. */
export function checkPayload(body: unknown): PayloadCheck {
  const parsed = alertmanagerPayloadSchema.safeParse(body);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    const [path, messages] = Object.entries(fields)[0];
    return { ok: false, message: `Not an Alertmanager webhook payload: ${path === "_" ? "" : `${path}: `}${messages[0]}`, fields };
  }
  return { ok: true, payload: parsed.data, alerts: normaliseAlerts(parsed.data) };
}
