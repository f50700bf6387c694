import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident, updateIncident } from "@/lib/incidents/queries";
import { addTimelineEntry } from "@/lib/incidents/timeline";
import { createIntegration } from "@/lib/integrations/queries";
import { ingestAlertmanager } from "@/lib/integrations/ingest";
import { sourceForSecret } from "@/lib/integrations/source";
import { testPayload } from "@/lib/integrations/alertmanager-test-fixtures";
import StatusPage from "@/app/status/page";
import PublicIncidentPage from "@/app/status/incidents/[number]/page";
import { GET as feed } from "@/app/status/feed.atom/route";
import { publicIncident, statusOverview } from "./queries";

/**
 * The public pages show public updates of customer-facing incidents on public services, and
 * nothing else Keel knows: the pages are rendered to HTML and searched for every internal detail.
 */
let drop: () => Promise<void>;
let admin: Principal;
let commander: Principal;
const refs: Record<string, { ref: string; number: number }> = {};

const HOUR = 3_600_000;
const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

/** Everything that must never appear on a public page. */
const SECRETS = ["SECRET", "Vault Internal", "vault-internal", "Cora Commander", "cora@", "secret.example", "SecretAlertName", "db-secret-host", "10.1.2.3", "prometheus.example", "Quiet internal fix"];

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  commander = await makeUser("responder", "cora@secret.example");
  commander.name = "Cora Commander";
  const { getDb, schema } = await import("@/db");
  const { eq } = await import("drizzle-orm");
  await getDb().update(schema.users).set({ name: "Cora Commander" }).where(eq(schema.users.id, commander.userId));
  await createService(admin, serviceInputSchema.parse({ name: "Checkout API", slug: "checkout-api", public: true }));
  await createService(admin, serviceInputSchema.parse({ name: "Search", slug: "search", public: true }));
  await createService(admin, serviceInputSchema.parse({ name: "Vault Internal", slug: "vault-internal", public: false, description: "SECRET private service" }));

  // A customer-facing SEV2 on a public and a private service, with everything internal an incident carries.
  const a = await createIncident(commander, { title: "SECRET-TITLE vault-internal replica lag", summary: "SECRET-SUMMARY", severity: "SEV2", services: ["checkout-api", "vault-internal"], customerFacing: true, startedAt: iso(NOW - 2 * HOUR) });
  await updateIncident(commander, a.ref, { commander: "cora@secret.example", commsLead: "cora@secret.example", impact: { usersAffected: 4242, revenue: 99_999 } });
  await addTimelineEntry(commander, a.ref, { kind: "status_update", body: "Some checkouts fail; we are investigating.", at: iso(NOW - 90 * 60_000) });
  await addTimelineEntry(commander, a.ref, { kind: "note", body: "SECRET-NOTE: vault-internal primary at 100% CPU" });
  await addTimelineEntry(commander, a.ref, { kind: "action", body: "SECRET-ACTION: failed over db-secret-host" });
  await addTimelineEntry(commander, a.ref, { kind: "link", body: "SECRET-LINK dashboard", data: { url: "https://grafana.secret.example/d/1" } });
  await addTimelineEntry(commander, a.ref, { kind: "status_update", body: "A fix is rolling out.", at: iso(NOW - 30 * 60_000) });
  refs.a = a;

  // Not customer-facing: its "status update" must stay inside.
  const b = await createIncident(commander, { title: "SECRET-INTERNAL-ONLY", severity: "SEV1", services: ["checkout-api"], customerFacing: false, startedAt: iso(NOW - HOUR) });
  await addTimelineEntry(commander, b.ref, { kind: "status_update", body: "SECRET-NOT-CUSTOMER-FACING update" });
  refs.b = b;

  // Customer-facing but only on a private service.
  const c = await createIncident(commander, { title: "SECRET-PRIVATE-SERVICE-ONLY", severity: "SEV1", services: ["vault-internal"], customerFacing: true, startedAt: iso(NOW - HOUR) });
  await addTimelineEntry(commander, c.ref, { kind: "status_update", body: "SECRET-PRIVATE-ONLY update" });
  refs.c = c;

  // Opened by an alert: its title is built from alert labels.
  const integration = await createIntegration(admin, { name: "prod" });
  const source = (await sourceForSecret(integration.secret))!;
  const opened = await ingestAlertmanager(
    source,
    testPayload(`{}:{alertname="SecretAlertName"}`, [{ name: "SecretAlertName", fingerprint: "f1", labels: { service: "search", severity: "warning", instance: "10.1.2.3:9100", job: "db-secret-host" }, startsAt: iso(NOW - 40 * 60_000) }]),
    NOW - 39 * 60_000,
  );
  const { getIncident } = await import("@/lib/incidents/queries");
  expect(opened.outcome).toBe("opened");
  const d = await getIncident(admin, opened.incident!.ref);
  expect(d.title).toContain("SecretAlertName");
  await updateIncident(commander, d.ref, { customerFacing: true, severity: "SEV3" });
  await addTimelineEntry(commander, d.ref, { kind: "status_update", body: "Search is slower than usual." });
  refs.d = d;

  // A resolved SEV1 on Search yesterday, resolved after 3 hours.
  const e = await createIncident(commander, { title: "Quiet internal fix", severity: "SEV1", services: ["search"], customerFacing: true, startedAt: iso(NOW - 30 * HOUR) }, NOW - 30 * HOUR + 60_000);
  await addTimelineEntry(commander, e.ref, { kind: "status_update", body: "Search is down.", at: iso(NOW - 29 * HOUR) });
  await updateIncident(commander, e.ref, { status: "resolved" }, undefined, NOW - 27 * HOUR);
  refs.e = e;
});
afterAll(() => drop());

describe("the status overview", () => {
  it("lists public components with states from unmitigated customer-facing incidents, open incidents first", async () => {
    const o = await statusOverview(NOW);
    expect(o.components.map((c) => [c.name, c.state])).toEqual([
      ["Checkout API", "partial_outage"],
      ["Search", "degraded"],
    ]);
    expect(o.overall).toBe("partial_outage");
    expect(o.incidents.map((x) => [x.number, x.open])).toEqual([
      [refs.d.number, true],
      [refs.a.number, true],
      [refs.e.number, false],
    ]);
    const a = o.incidents.find((x) => x.number === refs.a.number)!;
    expect(a.headline).toBe("Partial outage: Checkout API");
    expect(a.updates.map((u) => u.body)).toEqual(["A fix is rolling out.", "Some checkouts fail; we are investigating."]);
    const e = o.incidents.find((x) => x.number === refs.e.number)!;
    expect(e.resolvedMs! - e.startedMs).toBe(3 * HOUR);
    // Search: three hours of SEV1 within the 90 days are downtime; the open SEV3 is not.
    const search = o.components.find((c) => c.name === "Search")!;
    const windowMs = NOW - (Math.floor(NOW / 86_400_000) - 89) * 86_400_000;
    expect(search.uptime).toBeCloseTo(1 - (3 * HOUR) / windowMs, 9);
    expect(search.bars.filter((b) => b.incidents.includes(refs.e.number)).length).toBeGreaterThanOrEqual(1);
  });

  it("has no public page for incidents that are not customer-facing or only on private services", async () => {
    expect(await publicIncident(refs.b.number)).toBeNull();
    expect(await publicIncident(refs.c.number)).toBeNull();
    expect(await publicIncident(999_999)).toBeNull();
    await expect(PublicIncidentPage({ params: Promise.resolve({ number: String(refs.b.number) }) })).rejects.toThrow();
    await expect(PublicIncidentPage({ params: Promise.resolve({ number: "INC-1" }) })).rejects.toThrow();
  });
});

describe("no internal data leaks", () => {
  const expectClean = (label: string, text: string) => {
    for (const s of SECRETS) expect(text.includes(s), `${label} contains "${s}"`).toBe(false);
  };

  it("the status page HTML shows public updates only", async () => {
    const html = renderToStaticMarkup(await StatusPage());
    expectClean("/status", html);
    for (const s of ["Some checkouts fail; we are investigating.", "A fix is rolling out.", "Search is slower than usual.", "Search is down.", "Checkout API", "Partial outage: Checkout API"]) expect(html).toContain(s);
    expect(html).not.toContain("Rory");
    expect(html).not.toContain("4242");
  });

  it("the public incident page shows its public updates only", async () => {
    const html = renderToStaticMarkup(await PublicIncidentPage({ params: Promise.resolve({ number: String(refs.a.number) }) }));
    expectClean("incident page", html);
    expect(html).toContain("Some checkouts fail; we are investigating.");
    expect(html).toContain("A fix is rolling out.");
    const alert = renderToStaticMarkup(await PublicIncidentPage({ params: Promise.resolve({ number: String(refs.d.number) }) }));
    expectClean("alert incident page", alert);
    expect(alert).toContain("Degraded performance: Search");
  });

  it("the Atom feed carries public updates only", async () => {
    const res = await feed();
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    expectClean("feed", xml);
    expect([...xml.matchAll(/<entry>/g)]).toHaveLength(4);
    expect(xml).toContain("Search is slower than usual.");
  });
});
