import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident, updateIncident } from "@/lib/incidents/queries";
import StatusPage from "@/app/status/page";
import { GET as feed } from "@/app/status/feed.atom/route";
import { cancelMaintenance, createMaintenance } from "./maintenance-queries";
import { statusOverview } from "./queries";

/**
 * Scheduled maintenance on the public pages: in progress, upcoming and past, the state of the
 * components it affects against open incidents, the banner, the Atom feed — and nothing inside
 * Keel (who scheduled it, private services) on any of them.
 */
let drop: () => Promise<void>;
const NOW = Date.now();
const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const iso = (ms: number) => new Date(ms).toISOString();
const SECRETS = ["Cora Commander", "cora@", "secret.example", "Vault Internal", "vault-internal", "SECRET"];
const refs: Record<string, string> = {};

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  const admin = await makeUser("admin");
  const cora: Principal = await makeUser("responder", "cora@secret.example");
  await getDb().update(schema.users).set({ name: "Cora Commander" }).where(eq(schema.users.id, cora.userId));
  for (const [name, slug] of [["Checkout API", "checkout-api"], ["Search", "search"], ["Identity", "identity"], ["Payments", "payments"], ["Vault Internal", "vault-internal"]]) {
    await createService(admin, serviceInputSchema.parse({ name, slug, public: true }));
  }
  const schedule = (title: string, startsMs: number, endsMs: number, services: string[], nowMs = NOW) =>
    createMaintenance(cora, { title, description: `${title}: expect short interruptions.`, startsAt: iso(startsMs), endsAt: iso(endsMs), services }, nowMs);
  await schedule("Database upgrade", NOW - 30 * MIN, NOW + 90 * MIN, ["checkout-api", "search", "vault-internal"]);
  await schedule("Identity certificates", NOW + 2 * DAY, NOW + 2 * DAY + H, ["identity"]);
  await schedule("Search reindex", NOW - 3 * DAY, NOW - 3 * DAY + H, ["search"], NOW - 4 * DAY);
  const off = await schedule("Payments cutover", NOW + 5 * DAY, NOW + 5 * DAY + H, ["payments"]);
  await cancelMaintenance(cora, off.maintenance.id, NOW - MIN);
  await schedule("SECRET vault rotation", NOW - MIN, NOW + H, ["vault-internal"]);
  // Vault goes private after it was scheduled: it must vanish from every public view.
  await getDb().update(schema.services).set({ public: false }).where(eq(schema.services.slug, "vault-internal"));

  // An outage on Search (worse than maintenance) and a slowdown on Checkout (not worse).
  refs.search = (await createIncident(cora, { title: "SECRET search down", severity: "SEV2", services: ["search"], customerFacing: true, startedAt: iso(NOW - 10 * MIN) })).ref;
  await createIncident(cora, { title: "SECRET checkout slow", severity: "SEV3", services: ["checkout-api"], customerFacing: true, startedAt: iso(NOW - 10 * MIN) });
});
afterAll(() => drop());

/** The HTML of one titled section of the page. */
function section(html: string, label: string): string {
  const start = html.indexOf(`<section aria-label="${label}"`);
  expect(start, `section "${label}"`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</section>", start));
}

describe("maintenance on the status page", () => {
  it("puts components under maintenance, unless an outage is worse; the banner takes the worst", async () => {
    const o = await statusOverview(NOW);
    expect(o.components.map((c) => [c.name, c.state])).toEqual([
      ["Checkout API", "under_maintenance"],
      ["Identity", "operational"],
      ["Payments", "operational"],
      ["Search", "partial_outage"],
    ]);
    expect(o.overall).toBe("partial_outage");
    expect(o.maintenances.map((m) => [m.title, m.phase])).toEqual([
      ["Search reindex", "completed"],
      ["Database upgrade", "in_progress"],
      ["Identity certificates", "scheduled"],
      ["Payments cutover", "cancelled"],
    ]);
    expect(o.maintenances[1].components.map((c) => c.name)).toEqual(["Checkout API", "Search"]);
    // Maintenance is not downtime: no bar, full uptime.
    expect(o.components[0].uptime).toBe(1);

    await updateIncident((await makeUser("responder")) as Principal, refs.search, { status: "resolved" });
    const after = await statusOverview(NOW + MIN);
    expect(after.components.find((c) => c.name === "Search")!.state).toBe("under_maintenance");
    expect(after.overall).toBe("under_maintenance");
  });

  it("shows maintenance in progress, upcoming and past with window, components and text, and nothing internal", async () => {
    const html = renderToStaticMarkup(await StatusPage());
    for (const s of SECRETS) expect(html.includes(s), `/status contains "${s}"`).toBe(false);
    expect(html).toContain("Scheduled maintenance in progress");
    const now = section(html, "Maintenance in progress");
    expect(now).toContain("Database upgrade");
    expect(now).toContain("Database upgrade: expect short interruptions.");
    expect(now).toContain("Affected: </span>Checkout API, Search");
    expect(now).toContain("In progress");
    expect(now).not.toContain("Identity certificates");
    const upcoming = section(html, "Scheduled maintenance");
    expect(upcoming).toContain("Identity certificates");
    expect(upcoming).toMatch(/Scheduled<\/span> · <time[^>]*>[^<]* UTC \(1 h\)<\/time>/);
    const past = section(html, "Past maintenance (90 days)");
    expect(past.indexOf("Payments cutover")).toBeGreaterThanOrEqual(0);
    expect(past.indexOf("Search reindex")).toBeGreaterThan(past.indexOf("Payments cutover"));
    expect(past).toContain("Cancelled");
    expect(past).toContain("Completed");
    const checkout = html.slice(html.indexOf('data-testid="component"'), html.indexOf("</li>", html.indexOf('data-testid="component"')));
    expect(checkout).toContain("Checkout API");
    expect(checkout).toContain("Under maintenance");
  });

  it("announces each maintenance in the Atom feed, public text only", async () => {
    const xml = await (await feed()).text();
    for (const s of SECRETS) expect(xml.includes(s), `feed contains "${s}"`).toBe(false);
    const titles = [...xml.matchAll(/<entry>[\s\S]*?<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(
      expect.arrayContaining([
        "Scheduled maintenance: Database upgrade — In progress",
        "Scheduled maintenance: Identity certificates — Scheduled",
        "Scheduled maintenance: Search reindex — Completed",
        "Scheduled maintenance: Payments cutover — Cancelled",
      ]),
    );
    expect(titles.filter((t) => t.startsWith("Scheduled maintenance:"))).toHaveLength(4);
    expect(xml).toContain("Affected: Checkout API, Search</content>");
    expect(xml).toMatch(/<id>http:\/\/localhost:3000\/status#maintenance-[0-9a-f-]{36}<\/id>/);
  });
});
