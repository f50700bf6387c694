import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident, updateIncident } from "@/lib/incidents/queries";
import { addTimelineEntry } from "@/lib/incidents/timeline";
import { createPostmortem, getPostmortem, listPostmortems, resyncPostmortem, savePostmortem, overduePostmortems, similarPostmortems } from "./queries";
import { approvePostmortem, addComment, setReviewers, transitionPostmortem } from "./review-store";
import { addActionItem, listActionItems, updateActionItem } from "./action-item-store";
import { postmortemMarkdownFor } from "./export";
import { DEFAULT_TEMPLATE } from "./template";
import { editRow } from "./timeline-rows";

let drop: () => Promise<void>;
let admin: Principal;
let rita: Principal;
let otto: Principal;
let viewer: Principal;

const T0 = Date.parse("2025-03-01T10:00:00Z");
const min = (n: number) => T0 + n * 60_000;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin", "ada@test.example");
  rita = await makeUser("responder", "rita@test.example");
  otto = await makeUser("responder", "otto@test.example");
  viewer = await makeUser("viewer", "vera@test.example");
  for (const slug of ["checkout", "search"]) await createService(admin, serviceInputSchema.parse({ name: slug === "checkout" ? "Checkout API" : "Search", slug }));
});
afterAll(() => drop());

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** A SEV2 on checkout, run to resolved, with a note and an action on its timeline. */
async function resolvedIncident(title: string) {
  const inc = await createIncident(rita, { title, severity: "SEV2", services: ["checkout"], summary: "A third of checkouts failed." }, min(0));
  await addTimelineEntry(rita, inc.id, { kind: "note", body: "Error rate at 30 %" }, min(5));
  await addTimelineEntry(rita, inc.id, { kind: "action", body: "Rolled back release 42" }, min(20));
  for (const [k, status] of (["investigating", "identified", "monitoring", "resolved"] as const).entries()) await updateIncident(rita, inc.id, { status }, undefined, min(30 + k));
  return inc;
}

describe("postmortems", () => {
  it("is written from an incident, prefilled from it, once per incident, by responders", async () => {
    const inc = await resolvedIncident("Checkout 502s");
    expect((await failure(createPostmortem(viewer, { incidentId: inc.ref }))).code).toBe("forbidden");
    expect((await failure(createPostmortem(rita, { incidentId: "INC-99999" }))).fields?.incidentId).toBeDefined();
    const pm = await createPostmortem(rita, { incidentId: inc.ref, trigger: "Release 42 changed the pool size.", actionItems: [{ title: "Alert on pool saturation", category: "detect", priority: "P1", owner: "otto@test.example", dueDate: "2025-03-14" }] }, min(40));
    expect(pm).toMatchObject({ status: "draft", incident: { ref: inc.ref }, title: "Checkout 502s", services: [{ slug: "checkout" }] });
    expect(pm.document.sections.summary).toBe("A third of checkouts failed.");
    expect(pm.document.sections.trigger).toBe("Release 42 changed the pool size.");
    expect(pm.document.timeline.map((r) => r.text)).toEqual(expect.arrayContaining(["Error rate at 30 %", "Rolled back release 42"]));
    expect(pm.meta.durationMinutes).toBe(33);
    // Due 48 hours after resolution (minute 33).
    expect(pm.dueAt).toBe(new Date(min(33) + 48 * 3_600_000).toISOString());
    expect(pm.actionItems).toMatchObject([{ title: "Alert on pool saturation", category: "detect", priority: "P1", owner: "otto", dueDate: "2025-03-14", status: "open" }]);
    const again = await failure(createPostmortem(otto, { incidentId: inc.id }));
    expect(again.code).toBe("conflict");
    expect(again.message).toContain(pm.id);
  });

  it("refuses a stale save and writes nothing; keeps rows the author edited when re-syncing", async () => {
    const inc = await resolvedIncident("Search timeouts");
    const pm = await createPostmortem(rita, { incidentId: inc.id }, min(40));
    const mine = { ...pm.document, sections: { ...pm.document.sections, rootCause: "Rita's analysis" } };
    const theirs = { ...pm.document, sections: { ...pm.document.sections, rootCause: "Otto's analysis" } };
    const first = await savePostmortem(otto, pm.id, { version: pm.version, document: theirs });
    expect(first.version).toBe(pm.version + 1);
    const stale = await failure(savePostmortem(rita, pm.id, { version: pm.version, document: mine }));
    expect(stale.code).toBe("conflict");
    expect(stale.message).toMatch(/otto saved this postmortem .* your text is kept/i);
    expect((await getPostmortem(rita, pm.id)).document.sections.rootCause).toBe("Otto's analysis");
    expect((await failure(savePostmortem(viewer, pm.id, { version: first.version, document: mine }))).code).toBe("forbidden");

    const edited = editRow(pm.document.timeline, pm.document.timeline.find((r) => r.text === "Rolled back release 42")!.id, { text: "Rolled back release 42 (took 4 minutes)" });
    const saved = await savePostmortem(rita, pm.id, { version: first.version, document: { ...theirs, timeline: edited } });
    await addTimelineEntry(rita, inc.id, { kind: "note", body: "Customer support confirmed recovery" }, min(50));
    const sync = await resyncPostmortem(rita, pm.id, saved.version);
    expect(sync.added).toBe(1);
    const rows = (await getPostmortem(rita, pm.id)).document.timeline.map((r) => r.text);
    expect(rows).toContain("Rolled back release 42 (took 4 minutes)");
    expect(rows).toContain("Customer support confirmed recovery");
  });

  it("goes to review, is approved by someone who did not write it, publishes, and then only an admin with a reason edits it", async () => {
    const inc = await resolvedIncident("Payments double charge");
    const pm = await createPostmortem(rita, { incidentId: inc.id }, min(40));
    // Required sections (root cause, resolution) are empty: review is allowed, publishing is not.
    await transitionPostmortem(rita, pm.id, "in_review");
    expect((await failure(savePostmortem(rita, pm.id, { version: pm.version + 1, document: pm.document }))).message).toMatch(/in review/);
    expect((await failure(approvePostmortem(rita, pm.id))).message).toMatch(/Authors cannot approve/);
    expect((await failure(transitionPostmortem(rita, pm.id, "published"))).message).toMatch(/needs 1 approval/);
    await setReviewers(rita, pm.id, ["otto@test.example"]);
    await addComment(otto, pm.id, "rootCause", "Which whys led here?");
    await approvePostmortem(otto, pm.id);
    expect((await failure(transitionPostmortem(rita, pm.id, "published"))).message).toMatch(/Root cause.*Resolution|required section/);

    // Back to draft clears the approval; write the sections; review and approve again.
    await transitionPostmortem(rita, pm.id, "draft");
    let cur = await getPostmortem(rita, pm.id);
    expect(cur.reviewers).toMatchObject([{ email: "otto@test.example", approvedAt: null }]);
    const doc = { ...cur.document, fiveWhys: { whys: ["Charges retried", "Idempotency key dropped"], rootCause: "The retry path did not carry the idempotency key." }, sections: { ...cur.document.sections, "resolution.immediateFix": "Disabled retries." } };
    await savePostmortem(rita, pm.id, { version: cur.version, document: doc });
    await transitionPostmortem(rita, pm.id, "in_review");
    await approvePostmortem(otto, pm.id);
    await transitionPostmortem(otto, pm.id, "published");
    cur = await getPostmortem(viewer, pm.id);
    expect(cur.status).toBe("published");
    expect(cur.publishedAt).not.toBeNull();
    expect(cur.comments).toMatchObject([{ section: "rootCause", body: "Which whys led here?", author: { email: "otto@test.example" } }]);

    expect((await failure(savePostmortem(rita, pm.id, { version: cur.version, document: doc }))).message).toMatch(/published and read-only/);
    expect((await failure(savePostmortem(admin, pm.id, { version: cur.version, document: doc }))).message).toMatch(/Say why/);
    await savePostmortem(admin, pm.id, { version: cur.version, document: { ...doc, title: "Payments double charge (corrected)" }, reason: "Typo in the title" });
    const after = await getPostmortem(viewer, pm.id);
    expect(after.events.map((e) => e.kind)).toEqual(["created", "submitted", "approved", "returned_to_draft", "submitted", "approved", "published", "edited_after_publication"]);
    expect(after.events.at(-1)).toMatchObject({ reason: "Typo in the title", actor: { email: "ada@test.example" } });
  });

  it("holds a SEV2 open until its postmortem is published", async () => {
    const inc = await resolvedIncident("Login loop");
    expect((await failure(updateIncident(rita, inc.id, { status: "closed" }))).message).toMatch(/published postmortem/);
    const pm = await createPostmortem(rita, { incidentId: inc.id }, min(40));
    const doc = { ...pm.document, fiveWhys: { whys: ["a"], rootCause: "Session cookie domain changed." }, sections: { ...pm.document.sections, "resolution.immediateFix": "Reverted the cookie domain." } };
    await savePostmortem(rita, pm.id, { version: pm.version, document: doc });
    await transitionPostmortem(rita, pm.id, "in_review");
    await approvePostmortem(otto, pm.id);
    await transitionPostmortem(otto, pm.id, "published");
    expect((await updateIncident(rita, inc.id, { status: "closed" })).status).toBe("closed");
  });

  it("lists and searches postmortems, finds overdue ones and similar ones", async () => {
    const now = min(33) + 49 * 3_600_000;
    const all = await listPostmortems(viewer, {}, now);
    expect(all.length).toBe(4);
    expect((await listPostmortems(viewer, { q: "idempotency" })).map((p) => p.title)).toEqual(["Payments double charge (corrected)"]);
    expect((await listPostmortems(viewer, { status: ["published"] })).length).toBe(2);
    const overdue = await overduePostmortems(viewer, now);
    expect(overdue.map((p) => p.title).sort()).toEqual(["Checkout 502s", "Search timeouts"]);
    expect((await listPostmortems(viewer, { service: "search" })).length).toBe(0);
    const similar = await similarPostmortems(viewer, all[0].id);
    expect(similar.length).toBe(3);
  });

  it("tracks action items to closure with the closure rate and median time to close", async () => {
    const [pm] = await listPostmortems(viewer, { q: "Checkout 502s" });
    const added = await addActionItem(rita, pm.id, { title: "Load-test the pool", category: "prevent", priority: "P0", owner: "rita@test.example", dueDate: "2025-03-10" }, min(60));
    expect((await failure(addActionItem(rita, pm.id, { title: "", category: "fix", priority: "P9" }))).fields).toMatchObject({ title: expect.any(Array), category: expect.any(Array), priority: expect.any(Array) });
    const done = await updateActionItem(rita, added.id, { status: "done", version: added.version }, min(60) + 2 * 3_600_000);
    expect(done.closedAt).toBe(new Date(min(60) + 2 * 3_600_000).toISOString());
    expect((await failure(updateActionItem(rita, added.id, { status: "open", version: added.version }))).code).toBe("conflict");
    const r = await listActionItems(viewer, {}, Date.parse("2025-03-20T00:00:00Z"));
    expect(r.items.length).toBe(2);
    expect(r.closureRate).toBe(0.5);
    expect(r.medianTimeToCloseMs).toBe(2 * 3_600_000);
    expect(r.items.find((i) => i.title === "Alert on pool saturation")?.overdue).toBe(true);
    expect((await listActionItems(viewer, { owner: "otto@test.example" })).items.map((i) => i.title)).toEqual(["Alert on pool saturation"]);
    expect((await listActionItems(viewer, { category: "prevent", status: ["done"] })).items.map((i) => i.title)).toEqual(["Load-test the pool"]);
  });

  it("exports Markdown with every section heading of the template", async () => {
    const [pm] = await listPostmortems(viewer, { q: "Checkout 502s" });
    const { markdown, filename } = await postmortemMarkdownFor(viewer, pm.id);
    expect(filename).toMatch(/^postmortem-INC-\d+\.md$/);
    for (const s of DEFAULT_TEMPLATE.sections) expect(markdown).toContain(`## ${s.heading}`);
    expect(markdown).toContain("Load-test the pool");
    const row = await getDb().select({ id: schema.postmortems.id }).from(schema.postmortems).where(eq(schema.postmortems.id, pm.id));
    expect(row.length).toBe(1);
  });
});
