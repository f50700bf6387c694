import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createIncident } from "@/lib/incidents/queries";
import { attachRunbook, listAttachedRunbooks, setRunbookStep } from "./attach";
import { createRunbook, deleteRunbook, getRunbook, listRunbooks, updateRunbook } from "./queries";
import type { RunbookInput } from "./schemas";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
let viewer: Principal;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder");
  viewer = await makeUser("viewer");
});
afterAll(() => drop());

const pool: RunbookInput = {
  slug: "db-pool",
  title: "Database connection exhaustion",
  scenario: "The application cannot get a database connection.",
  alertNames: ["DatabasePoolExhausted", "PostgresTooManyConnections", "DatabasePoolExhausted"],
  severityHint: "SEV1",
  steps: [{ title: "Check the pool" }, { title: "Kill the slow query", detail: "pg_terminate_backend" }, { title: "Raise the pool size" }],
  contacts: [{ name: "DBA on call", how: "#dba or the DBA pager" }],
};

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
};

describe("runbooks", () => {
  it("admins create (alert names de-duplicated, severity as SEV1); everyone reads; others may not write", async () => {
    const created = await createRunbook(admin, pool);
    expect(created).toMatchObject({ slug: "db-pool", severityHint: "SEV1", version: 1, alertNames: ["DatabasePoolExhausted", "PostgresTooManyConnections"] });
    expect(created.steps[1]).toEqual({ title: "Kill the slow query", detail: "pg_terminate_backend" });
    expect(created.steps[0]).toEqual({ title: "Check the pool" });
    expect((await getRunbook(viewer, "db-pool")).title).toBe("Database connection exhaustion");
    expect(await code(createRunbook(responder, { ...pool, slug: "other" }))).toBe("forbidden");
    expect(await code(updateRunbook(responder, "db-pool", { ...pool, slug: undefined } as never))).toBe("forbidden");
    expect(await code(deleteRunbook(viewer, "db-pool"))).toBe("forbidden");
    expect(await code(createRunbook(admin, pool))).toBe("conflict");
    expect(await code(getRunbook(viewer, "nope"))).toBe("not_found");
  });

  it("refuses bad input field by field", async () => {
    try {
      await createRunbook(admin, { ...pool, slug: "Bad Slug", steps: [{ title: " " }], alertNames: ["has space"], severityHint: "SEV9" as never });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect(Object.keys((err as AppError).fields!).sort()).toEqual(["alertNames.0", "severityHint", "slug", "steps.0.title"]);
    }
    expect(await code(createRunbook(admin, { ...pool, slug: "no-steps", steps: [] }))).toBe("bad_request");
  });

  it("searches title, slug, scenario and alert names, case-insensitively", async () => {
    await createRunbook(admin, { slug: "queue-backlog", title: "Queue backlog", scenario: "Consumers fall behind", alertNames: ["KafkaConsumerLagHigh"], steps: [{ title: "Scale consumers" }] });
    const titles = async (q?: string) => (await listRunbooks(viewer, { q })).items.map((r) => r.slug);
    expect(await titles()).toEqual(["db-pool", "queue-backlog"]);
    expect(await titles("kafkaconsumer")).toEqual(["queue-backlog"]);
    expect(await titles("BEHIND")).toEqual(["queue-backlog"]);
    expect(await titles("connection")).toEqual(["db-pool"]);
    expect(await titles("100%")).toEqual([]);
  });

  it("refuses a stale version, and moves incidents' progress with the steps when they are edited", async () => {
    const incident = await createIncident(responder, { title: "Pool exhausted", severity: "SEV1", services: [] });
    await attachRunbook(responder, incident.ref, "db-pool");
    await setRunbookStep(responder, incident.ref, "db-pool", 0, true);
    await setRunbookStep(responder, incident.ref, "db-pool", 2, true);

    const { slug: _slug, ...fields } = pool;
    void _slug;
    const reordered = { ...fields, steps: [{ title: "Raise the pool size" }, { title: "Page the DBA" }, { title: "Check the pool" }], version: 1 };
    const saved = await updateRunbook(admin, "db-pool", reordered);
    expect(saved).toMatchObject({ version: 2, steps: reordered.steps });
    const [attached] = await listAttachedRunbooks(viewer, incident.ref);
    expect(attached.done).toEqual([0, 2]); // "Raise the pool size" 2 → 0, "Check the pool" 0 → 2
    expect(attached.runbook.version).toBe(2);

    const stale = await code(updateRunbook(admin, "db-pool", { ...reordered, title: "Lost update" }));
    expect(stale).toBe("conflict");
    expect((await getRunbook(viewer, "db-pool")).title).toBe("Database connection exhaustion");
  });

  it("deletes (detaching it from incidents) and records every change in the audit log", async () => {
    await deleteRunbook(admin, "queue-backlog");
    expect(await code(getRunbook(viewer, "queue-backlog"))).toBe("not_found");
    expect(await code(deleteRunbook(admin, "queue-backlog"))).toBe("not_found");
    const audit = await getDb()
      .select({ action: schema.auditLog.action, target: schema.auditLog.target })
      .from(schema.auditLog)
      .where(inArray(schema.auditLog.action, ["runbook.created", "runbook.updated", "runbook.deleted"]));
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "runbook.created", target: "db-pool" },
        { action: "runbook.created", target: "queue-backlog" },
        { action: "runbook.updated", target: "db-pool" },
        { action: "runbook.deleted", target: "queue-backlog" },
      ]),
    );
    const [actor] = await getDb().select({ actorId: schema.auditLog.actorId }).from(schema.auditLog).where(eq(schema.auditLog.action, "runbook.deleted"));
    expect(actor.actorId).toBe(admin.userId);
  });
});
