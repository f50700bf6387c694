import "server-only";
import { createHash } from "node:crypto";
import { desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { OPEN_STATUSES, type Status } from "@/lib/incidents/lifecycle";
import { incidentColumns, refOf, type IncidentRow, type Tx } from "@/lib/incidents/lookup";
import { insertAlertIncident, moveStatusBySystem } from "@/lib/incidents/system";
import { writeTimeline } from "@/lib/incidents/timeline";
import { attachRunbooksForAlerts } from "@/lib/runbooks/attach";
import { firesAgain, planAlerts, someResolved, statusesAfter, type AlertChange } from "./alert-plan";
import { applyAlertChanges, loadAlerts, type StoredAlertRow } from "./alert-store";
import { checkPayload, type AlertmanagerPayload, type IncomingAlert } from "./alertmanager-payload";
import { mapGroup, titleOf } from "./mapping";
import type { IngestSource } from "./source";

/**
 * Ingests one Alertmanager webhook delivery, all in one transaction: the incident (opened,
 * updated or left alone), its alerts, their timeline entries, an automatic status move and the raw
 * delivery for audit. Deliveries of one group are serialised by an advisory lock on the hash of its
 * groupKey, so retries and concurrent deliveries never open a second incident.
 */

const i = schema.incidents;

export type IngestOutcome = "opened" | "updated" | "unchanged" | "ignored";
export type IngestResult = {
  outcome: IngestOutcome;
  incident: { id: string; ref: string; status: Status } | null;
  previousIncident: { id: string; ref: string } | null;
  /** Alerts in the delivery by what they changed. */
  alerts: Record<AlertChange["kind"], number>;
  deliveryId: number;
};

export const groupKeyHash = (groupKey: string) => createHash("sha256").update(groupKey).digest("hex");

const isOpen = (s: Status) => OPEN_STATUSES.includes(s);
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function counts(changes: readonly AlertChange[]): IngestResult["alerts"] {
  const out = { new: 0, refire: 0, resolve: 0, refresh: 0, stale: 0 };
  for (const c of changes) out[c.kind]++;
  return out;
}

type Opened = { row: IncidentRow; audit: Record<string, unknown> };

/** Opens the incident for a firing episode of the group; unknown service slugs become a timeline note. */
async function openIncident(tx: Tx, source: IngestSource, payload: AlertmanagerPayload, episode: IncomingAlert[], hash: string, previous: IncidentRow | undefined, now: Date): Promise<Opened> {
  const firing = episode.filter((a) => a.status === "firing");
  const { severity, services: slugs } = mapGroup(firing, source.rules, source.defaultSeverity);
  const known = slugs.length ? await tx.select({ id: schema.services.id, slug: schema.services.slug }).from(schema.services).where(inArray(schema.services.slug, slugs)) : [];
  const serviceSlugs = slugs.filter((s) => known.some((k) => k.slug === s));
  const unknown = slugs.filter((s) => !serviceSlugs.includes(s));
  const title = titleOf(payload, episode);
  const description = payload.commonAnnotations.description ?? firing[0]?.annotations.description ?? "";
  const startedAt = new Date(Math.min(now.getTime(), ...firing.map((a) => a.startsAt.getTime())));
  const follows = previous ? ` (the group fired again after ${refOf(previous)})` : "";
  const created = await insertAlertIncident(tx, {
    title,
    summary: clip(description.trim(), 10_000),
    severity,
    serviceIds: serviceSlugs.map((s) => known.find((k) => k.slug === s)!.id),
    startedAt,
    detectedAt: now,
    alertGroupKeyHash: hash,
    previousIncidentId: previous?.id ?? null,
    declared: (row) => ({
      body: `Opened ${refOf(row)} as ${severity} from Alertmanager${follows}: ${title}`,
      data: { severity, services: serviceSlugs, source: "alertmanager", via: source.label, receiver: payload.receiver, groupLabels: payload.groupLabels, externalURL: payload.externalURL, ...(previous ? { previousIncident: refOf(previous) } : {}) },
    }),
  });
  if (unknown.length) {
    await writeTimeline(tx, created.id, [
      { kind: "note", body: `The alerts name services Keel does not know: ${unknown.join(", ")}. Add them under Services, or map them to a service in the integration's rules.`, data: { unknownServices: unknown }, at: now, authorId: null },
    ]);
  }
  await attachRunbooksForAlerts(tx, created.id, firing.map((a) => a.alertname), now);
  const [row] = await tx.select(incidentColumns).from(i).where(eq(i.id, created.id));
  return { row, audit: { severity, services: serviceSlugs, unknownServices: unknown, via: "alertmanager", ...(previous ? { previousIncident: refOf(previous) } : {}) } };
}

/** The automatic status move after the alerts changed, if any: all resolved → the integration's choice; firing again while monitoring → investigating. */
function statusMove(status: Status, stored: readonly StoredAlertRow[], changes: readonly AlertChange[], source: IngestSource): { to: Exclude<Status, "closed">; reason: string } | null {
  if (!isOpen(status)) return null;
  const after = [...statusesAfter(stored, changes).values()];
  const allResolved = after.length > 0 && after.every((s) => s === "resolved");
  if (allResolved && someResolved(changes) && status !== source.onAllResolved) return { to: source.onAllResolved, reason: "every alert of the group has resolved" };
  if (!allResolved && firesAgain(changes) && status === "monitoring") return { to: "investigating", reason: "an alert of the group is firing again" };
  return null;
}

export async function ingestAlertmanager(source: IngestSource, body: unknown, nowMs = Date.now()): Promise<IngestResult> {
  const checked = checkPayload(body);
  if (!checked.ok) throw new AppError("bad_request", checked.message, checked.fields);
  const { payload, alerts } = checked;
  const hash = groupKeyHash(payload.groupKey);
  const now = new Date(nowMs);

  const done = await getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('keel-alert-group'), hashtext(${hash}))`);
    const [latest] = await tx.select(incidentColumns).from(i).where(eq(i.alertGroupKeyHash, hash)).orderBy(desc(i.number)).limit(1).for("update");
    const latestAlerts = latest ? await loadAlerts(tx, latest.id) : [];
    const changes = planAlerts(latestAlerts, alerts);
    let target: IncidentRow | undefined = latest;
    let stored = latestAlerts;
    let targetChanges = changes;
    let opened: Opened | undefined;
    let written = 0;

    if (!(latest && isOpen(latest.status)) && firesAgain(changes)) {
      // A new firing episode: a new incident (linked to the group's earlier one, if any) takes the
      // alerts that started it; what the delivery says about the earlier episode stays with that one.
      const starts = changes.filter((c) => c.kind === "new" || c.kind === "refire");
      if (latest) written += await applyAlertChanges(tx, latest, latestAlerts, changes.filter((c) => !starts.includes(c)), now);
      opened = await openIncident(tx, source, payload, starts.map((c) => c.alert), hash, latest, now);
      target = opened.row;
      stored = [];
      targetChanges = planAlerts([], starts.map((c) => c.alert));
    }

    let moved: { from: Status; to: Status } | undefined;
    if (target) {
      written += await applyAlertChanges(tx, target, stored, targetChanges, now);
      const move = statusMove(target.status, stored, targetChanges, source);
      if (move && (await moveStatusBySystem(tx, target, move.to, now, move.reason, { source: "alertmanager" }))) {
        moved = { from: target.status, to: move.to };
        written++;
      }
    }
    const outcome: IngestOutcome = opened ? "opened" : !target ? "ignored" : written ? "updated" : "unchanged";
    const [delivery] = await tx
      .insert(schema.alertDeliveries)
      .values({ integrationId: source.integrationId, source: source.label, groupKeyHash: hash, status: payload.status, alertCount: payload.alerts.length, incidentId: target?.id ?? null, outcome, payload: body })
      .returning({ id: schema.alertDeliveries.id });
    return { target, latest, opened, moved, outcome, deliveryId: delivery.id, changes };
  });

  const actor = { actorId: source.actorId, actorEmail: source.label };
  const { target, latest, opened, moved } = done;
  if (opened && target) await recordAudit({ action: "incident.declared", ...actor, target: refOf(target), details: opened.audit });
  if (moved && target) await recordAudit({ action: "incident.updated", ...actor, target: refOf(target), details: { changed: ["status"], status: moved.to, from: moved.from, via: "alertmanager" } });
  return {
    outcome: done.outcome,
    incident: target ? { id: target.id, ref: refOf(target), status: moved?.to ?? target.status } : null,
    previousIncident: opened && latest ? { id: latest.id, ref: refOf(latest) } : null,
    alerts: counts(done.changes),
    deliveryId: done.deliveryId,
  };
}
