import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createIncident } from "@/lib/incidents/queries";
import { listTimeline } from "@/lib/incidents/timeline";
import { ingestAlertmanager } from "@/lib/integrations/ingest";
import { sourceForPrincipal } from "@/lib/integrations/source";
import { testPayload } from "@/lib/integrations/alertmanager-test-fixtures";
import { attachRunbook, detachRunbook, listAttachedRunbooks, setRunbookStep } from "./attach";
import { createRunbook } from "./queries";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
let viewer: Principal;

const T0 = Date.parse("2025-03-01T10:00:00Z");
const at = (min: number) => T0 + min * 60_000;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder");
  viewer = await makeUser("viewer");
  await createRunbook(admin, { slug: "db-pool", title: "Database connection exhaustion", alertNames: ["DatabasePoolExhausted", "PostgresTooManyConnections"], severityHint: "SEV1", steps: [{ title: "Check the pool" }, { title: "Kill the slow query" }, { title: "Raise the pool size" }] });
  await createRunbook(admin, { slug: "error-rate", title: "High error rate after deploy", alertNames: ["HighErrorRate"], steps: [{ title: "Roll back" }] });
  await createRunbook(admin, { slug: "manual", title: "Manual only", steps: [{ title: "Think" }] });
});
afterAll(() => drop());

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
};

const actions = async (ref: string) => (await listTimeline(viewer, ref)).items.filter((e) => e.kind === "action");

describe("runbooks on an incident", () => {
  it("a responder attaches once, ticks steps as a checklist and detaches; each change is an action on the timeline", async () => {
    const inc = await createIncident(responder, { title: "Checkout cannot reach its database", severity: "SEV1", services: [] });
    const first = await attachRunbook(responder, inc.ref, "db-pool", at(1));
    expect(first.created).toBe(true);
    expect(first.attached).toMatchObject({ runbook: { slug: "db-pool", severityHint: "SEV1" }, done: [], attachedBy: { id: responder.userId } });
    expect((await attachRunbook(responder, inc.id, "db-pool", at(2))).created).toBe(false);

    expect((await setRunbookStep(responder, inc.ref, "db-pool", 1, true, at(3))).done).toEqual([1]);
    expect((await setRunbookStep(responder, inc.ref, "db-pool", 0, true, at(4))).done).toEqual([0, 1]);
    expect((await setRunbookStep(responder, inc.ref, "db-pool", 0, true, at(5))).done).toEqual([0, 1]); // already done: nothing written
    expect((await setRunbookStep(responder, inc.ref, "db-pool", 1, false, at(6))).done).toEqual([0]);

    const entries = await actions(inc.ref);
    expect(entries.map((e) => e.body)).toEqual([
      "Attached runbook “Database connection exhaustion” (3 steps)",
      "Done: step 2 “Kill the slow query” of runbook “Database connection exhaustion”",
      "Done: step 1 “Check the pool” of runbook “Database connection exhaustion”",
      "Not done after all: step 2 “Kill the slow query” of runbook “Database connection exhaustion”",
    ]);
    expect(entries.every((e) => e.author?.id === responder.userId)).toBe(true);
    expect(entries[1].data).toEqual({ runbook: "db-pool", step: 1, stepTitle: "Kill the slow query", done: true });

    await attachRunbook(responder, inc.ref, "manual", at(7));
    expect((await listAttachedRunbooks(viewer, inc.ref)).map((a) => [a.runbook.slug, a.done])).toEqual([
      ["db-pool", [0]],
      ["manual", []],
    ]);
    await detachRunbook(responder, inc.ref, "manual", at(8));
    expect((await listAttachedRunbooks(viewer, inc.ref)).map((a) => a.runbook.slug)).toEqual(["db-pool"]);
    expect((await actions(inc.ref)).at(-1)?.body).toBe("Detached runbook “Manual only”");
  });

  it("refuses viewers, unknown runbooks, runbooks not attached and steps that do not exist", async () => {
    const inc = await createIncident(responder, { title: "Another", severity: "SEV3", services: [] });
    expect(await code(attachRunbook(viewer, inc.ref, "db-pool"))).toBe("forbidden");
    expect(await code(attachRunbook(responder, inc.ref, "nope"))).toBe("not_found");
    expect(await code(attachRunbook(responder, "INC-99999", "db-pool"))).toBe("not_found");
    expect(await code(setRunbookStep(responder, inc.ref, "db-pool", 0, true))).toBe("not_found");
    expect(await code(detachRunbook(responder, inc.ref, "db-pool"))).toBe("not_found");
    await attachRunbook(responder, inc.ref, "db-pool");
    expect(await code(setRunbookStep(viewer, inc.ref, "db-pool", 0, true))).toBe("forbidden");
    expect(await code(setRunbookStep(responder, inc.ref, "db-pool", 3, true))).toBe("not_found");
    expect(await code(setRunbookStep(responder, inc.ref, "db-pool", -1, true))).toBe("not_found");
    expect((await listAttachedRunbooks(viewer, inc.ref))[0].done).toEqual([]);
    expect((await actions(inc.ref)).length).toBe(1);
  });

  it("ticks from many requests at once are all kept", async () => {
    const inc = await createIncident(responder, { title: "Concurrent ticks", severity: "SEV2", services: [] });
    await attachRunbook(responder, inc.ref, "db-pool");
    await Promise.all([0, 1, 2].map((i) => setRunbookStep(responder, inc.ref, "db-pool", i, true)));
    expect((await listAttachedRunbooks(viewer, inc.ref))[0].done).toEqual([0, 1, 2]);
  });
});

describe("runbooks attached by alert name", () => {
  it("attaches, when Alertmanager opens an incident, the runbooks listing one of its firing alerts' names — once", async () => {
    const source = await sourceForPrincipal(responder);
    const payload = testPayload('{}:{alertname="DatabasePoolExhausted"}', [
      { name: "DatabasePoolExhausted", fingerprint: "p1", labels: { severity: "critical" } },
      { name: "PostgresTooManyConnections", fingerprint: "p2", labels: { severity: "critical" } },
      { name: "HighErrorRate", fingerprint: "p3", status: "resolved" },
    ]);
    const opened = await ingestAlertmanager(source, payload, at(10));
    expect(opened.outcome).toBe("opened");
    const ref = opened.incident!.ref;
    const attached = await listAttachedRunbooks(viewer, ref);
    // The resolved HighErrorRate alert does not bring its runbook.
    expect(attached.map((a) => [a.runbook.slug, a.attachedBy, a.attachedAt])).toEqual([["db-pool", null, new Date(at(10)).toISOString()]]);
    const entries = await actions(ref);
    expect(entries.map((e) => [e.body, e.author])).toEqual([["Attached runbook “Database connection exhaustion” for alert DatabasePoolExhausted, PostgresTooManyConnections", null]]);

    // Delivered again, and with a new alert in the group: still attached once.
    await ingestAlertmanager(source, payload, at(11));
    await ingestAlertmanager(source, testPayload('{}:{alertname="DatabasePoolExhausted"}', [{ name: "HighErrorRate", fingerprint: "p4" }]), at(12));
    expect((await listAttachedRunbooks(viewer, ref)).map((a) => a.runbook.slug)).toEqual(["db-pool"]);
    expect((await actions(ref)).length).toBe(1);
  });

  it("attaches nothing when no runbook names the alert", async () => {
    const source = await sourceForPrincipal(responder);
    const r = await ingestAlertmanager(source, testPayload('{}:{alertname="DiskFull"}', [{ name: "DiskFull", fingerprint: "d1" }]), at(20));
    expect(await listAttachedRunbooks(viewer, r.incident!.ref)).toEqual([]);
    const rows = await getDb().select().from(schema.incidentRunbooks).where(eq(schema.incidentRunbooks.incidentId, r.incident!.id));
    expect(rows).toEqual([]);
  });
});
