import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { cliPrincipal } from "@/lib/auth/roles";
import { listPostmortems, overduePostmortems } from "@/lib/postmortems/queries";
import { listActionItems } from "@/lib/postmortems/action-item-store";
import { postmortemDocumentSchema } from "@/lib/postmortems/document";
import { seedDemo } from "./seed";

let drop: () => Promise<void>;
beforeAll(async () => ({ drop } = await freshDatabase()));
afterAll(() => drop());

describe("demo postmortems", () => {
  it("seeds a published, an in-review and an overdue draft postmortem from the demo incidents, once", async () => {
    await seedDemo();
    const actor = cliPrincipal;
    const list = await listPostmortems(actor);
    expect(list.map((p) => [p.incident.title, p.status]).sort()).toEqual([
      ["API gateway: bad deploy answered 503", "draft"],
      ["Checkout API: database pool exhausted", "published"],
      ["Payments: card provider degraded", "in_review"],
    ]);
    // Unpublished 48 hours after resolution: the draft and the one still in review.
    expect((await overduePostmortems(actor)).map((p) => p.incident.title).sort()).toEqual(["API gateway: bad deploy answered 503", "Payments: card provider degraded"]);
    const published = list.find((p) => p.status === "published")!;
    expect(published.incident.status).toBe("closed");
    // Every stored document is one the app would accept.
    for (const row of await getDb().select({ document: schema.postmortems.document }).from(schema.postmortems)) expect(postmortemDocumentSchema.safeParse(row.document).success).toBe(true);
    const items = await listActionItems(actor);
    expect(items.items.length).toBe(5);
    expect(items.closureRate).toBe(0.2);
    expect(items.items.some((i) => i.overdue)).toBe(true);
    await seedDemo();
    const [{ n }] = await getDb().select({ n: count() }).from(schema.postmortems);
    expect(n).toBe(3);
  });
});
