import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { DEFAULT_TEMPLATE } from "./template";
import { getPostmortemSettings } from "./settings-store";
import { savePostmortemSettings } from "./settings-write";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  responder = await makeUser("responder");
});
afterAll(() => drop());

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const input = (over: Record<string, unknown> = {}) => ({ template: {}, dueHours: 72, budgetShareThreshold: 0.25, approvalsRequired: 2, ...over });

describe("saving postmortem settings", () => {
  it("starts at Keel's defaults with version 0", async () => {
    const s = await getPostmortemSettings();
    expect(s.version).toBe(0);
    expect(s.template).toEqual(DEFAULT_TEMPLATE);
    expect(s.dueHours).toBe(48);
  });

  it("is for admins only", async () => {
    expect((await failure(savePostmortemSettings(responder, input(), 0))).code).toBe("forbidden");
    expect(await getDb().select().from(schema.postmortemSettings)).toEqual([]);
  });

  it("refuses bad input with field errors named as the form names them, writing nothing", async () => {
    const err = await failure(
      savePostmortemSettings(admin, input({ dueHours: 0, approvalsRequired: 11, budgetShareThreshold: 1.5, template: { sections: { summary: { hidden: true } }, custom: [{ key: "custom-x", heading: "" }] } }), 0),
    );
    expect(err.code).toBe("bad_request");
    expect(err.fields).toMatchObject({
      dueHours: ["Due time is at least 1 hour."],
      approvalsRequired: ["At most 10 approvals."],
      budgetShareThreshold: ["The budget threshold is at most 100 %."],
      "template.summary.hidden": ['"Summary" is required and cannot be hidden.'],
      "template.custom-x.heading": ["A heading is required."],
    });
    expect(await getDb().select().from(schema.postmortemSettings)).toEqual([]);
  });

  it("saves, then refuses a save based on an older version", async () => {
    const edits = { sections: { summary: { heading: "Executive summary" }, whereWeGotLucky: { hidden: true } }, custom: [{ key: "custom-comms", heading: "Customer comms" }] };
    const saved = await savePostmortemSettings(admin, input({ template: edits }), 0);
    expect(saved.version).toBe(1);
    expect(saved.dueHours).toBe(72);
    expect(saved.review.requiredApprovals).toBe(2);
    expect(saved.requirement.budgetShareThreshold).toBe(0.25);
    expect(saved.template.sections.find((s) => s.key === "summary")?.heading).toBe("Executive summary");
    expect(saved.template.sections.find((s) => s.key === "whereWeGotLucky")?.hidden).toBe(true);
    expect(saved.template.sections.at(-1)).toMatchObject({ key: "custom-comms", heading: "Customer comms", custom: true, kind: "markdown" });

    const stale = await failure(savePostmortemSettings(admin, input({ dueHours: 24 }), 0));
    expect(stale.code).toBe("conflict");
    expect((await getPostmortemSettings()).dueHours).toBe(72);

    const next = await savePostmortemSettings(admin, input({ dueHours: 24 }), 1);
    expect(next.version).toBe(2);
    expect(next.dueHours).toBe(24);
    const [row] = await getDb().select().from(schema.postmortemSettings).where(eq(schema.postmortemSettings.id, 1));
    expect(row.updatedBy).toBe(admin.userId);
  });

  it("records each save in the audit log", async () => {
    const [entry] = await getDb().select().from(schema.auditLog).where(eq(schema.auditLog.action, "postmortem_settings.updated")).orderBy(desc(schema.auditLog.id)).limit(1);
    expect(entry).toMatchObject({ actorId: admin.userId, target: "postmortem settings" });
    expect(entry.details).toMatchObject({ dueHours: 24, approvalsRequired: 2 });
  });
});
