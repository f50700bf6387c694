import { createServer, type Server } from "node:http";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, isNotNull } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { requireAlertmanager, startAlertmanager, type RunningAlertmanager } from "@/test/fixtures/alertmanager";
import { requirePrometheus } from "@/test/fixtures/prometheus";
import { startPrometheus, type RunningPrometheus } from "@/scripts/prometheus/runner";
import { sleep } from "@/scripts/prometheus/process";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { getIncident } from "@/lib/incidents/queries";
import { listTimeline } from "@/lib/incidents/timeline";
import type { Principal } from "@/lib/auth/roles";
import { POST } from "@/app/api/v1/integrations/alertmanager/[secret]/route";
import { createIntegration } from "./queries";
import type { IngestResult } from "./ingest";

/**
 * End to end with the real binaries: a Prometheus alerting rule fires, the real Alertmanager posts
 * its webhooks (initial notification, repeats, resolution) to a local HTTP server that hands each
 * request to Keel's route handler, and exactly one incident appears and is mitigated.
 */

const am = requireAlertmanager();
const prom = requirePrometheus();

const rule = (expr: string) =>
  JSON.stringify({
    groups: [{ name: "keel-e2e", interval: "1s", rules: [{ alert: "CheckoutDown", expr, labels: { severity: "critical", service: "checkout" }, annotations: { summary: "Checkout is down" } }] }],
  });

type Delivery = { status: number; payloadStatus: string; result: IngestResult | null };

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, logs: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await probe();
    if (v !== undefined) return v;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}\n${logs()}`);
}

describe.skipIf(!am.path || !prom.path)("Prometheus → Alertmanager → Keel", () => {
  let drop: () => Promise<void>;
  let admin: Principal;
  let dir: string;
  let server: Server;
  let alertmanager: RunningAlertmanager | undefined;
  let prometheus: RunningPrometheus | undefined;
  const deliveries: Delivery[] = [];
  const logs = () => `--- alertmanager:\n${alertmanager?.logTail() ?? ""}\n--- prometheus:\n${prometheus?.logTail() ?? ""}\n--- deliveries: ${JSON.stringify(deliveries.map((d) => [d.status, d.payloadStatus, d.result?.outcome]))}`;

  beforeAll(async () => {
    ({ drop } = await freshDatabase());
    admin = await makeUser("admin");
    await createService(admin, serviceInputSchema.parse({ name: "Checkout", slug: "checkout" }));
    const { secret } = await createIntegration(admin, { name: "e2e" });

    // Alertmanager's webhook lands here and goes to Keel's route handler, as `next start` would pass it.
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const text = Buffer.concat(chunks).toString("utf8");
      const secretInPath = (req.url ?? "").split("/").pop() ?? "";
      const answer = await POST(new Request(`http://keel.test${req.url}`, { method: "POST", headers: { "content-type": req.headers["content-type"] ?? "application/json" }, body: text }), { params: Promise.resolve({ secret: secretInPath }) });
      const body = await answer.text();
      deliveries.push({ status: answer.status, payloadStatus: (JSON.parse(text) as { status: string }).status, result: answer.ok ? (JSON.parse(body) as IngestResult) : null });
      res.writeHead(answer.status, { "content-type": "application/json" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;

    alertmanager = await startAlertmanager({ webhookUrl: `http://127.0.0.1:${port}/api/v1/integrations/alertmanager/${secret}` });
    dir = await mkdtemp(path.join(tmpdir(), "keel-e2e-rules-"));
    await writeFile(path.join(dir, "rules.yml"), rule("vector(1)"));
    prometheus = await startPrometheus({
      binaries: { prometheus: prom.path!, promtool: prom.promtoolPath! },
      scrapeInterval: "1s",
      evaluationInterval: "1s",
      ruleFiles: [path.join(dir, "rules.yml")],
      alertmanagers: [alertmanager.address],
      // Re-send firing alerts every second: the first evaluation may come before Prometheus has found
      // the Alertmanager (that notification is dropped), and the default re-send delay is a minute.
      extraArgs: ["--web.enable-lifecycle", "--rules.alert.resend-delay=1s"],
    });
  });

  afterAll(async () => {
    await prometheus?.stop();
    await alertmanager?.stop();
    await new Promise((resolve) => server?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
    await drop?.();
  });

  it("opens exactly one incident however often Alertmanager repeats, and mitigates it when the alert resolves", { timeout: 90_000 }, async () => {
    // The first notification and at least one repeat (repeat_interval 5s).
    await waitFor("a firing notification and a repeat", () => (deliveries.filter((d) => d.payloadStatus === "firing").length >= 2 ? true : undefined), 45_000, logs);
    const incidents = await getDb().select().from(schema.incidents).where(isNotNull(schema.incidents.alertGroupKeyHash));
    expect(incidents).toHaveLength(1);
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    expect(deliveries.map((d) => d.result!.outcome)).toEqual(["opened", ...deliveries.slice(1).map(() => "unchanged")]);
    const incident = await getIncident(admin, incidents[0].id);
    expect(incident).toMatchObject({ title: "Checkout is down", severity: "SEV1", status: "triaging", detectedBy: "alert", services: [{ slug: "checkout" }] });
    expect(incident.alerts).toEqual([expect.objectContaining({ alertname: "CheckoutDown", status: "firing", labels: { alertname: "CheckoutDown", severity: "critical", service: "checkout" } })]);
    expect(incident.alerts[0].generatorUrl).toContain(`:${prometheus!.port}/graph?g0.expr=vector`);

    // The condition ends: the rule no longer matches, Prometheus resolves the alert and Alertmanager says so.
    await writeFile(path.join(dir, "rules.yml"), rule("vector(1) == 0"));
    const reload = await fetch(`${prometheus!.url}/-/reload`, { method: "POST" });
    expect(reload.status).toBe(200);
    await waitFor("the resolved notification", () => deliveries.find((d) => d.payloadStatus === "resolved"), 30_000, logs);

    const after = await getIncident(admin, incident.id);
    expect(after.status).toBe("monitoring");
    expect(after.timestamps.mitigated).not.toBeNull();
    expect(after.alerts.map((a) => a.status)).toEqual(["resolved"]);
    const kinds = (await listTimeline(admin, incident.id)).items.map((e) => e.kind);
    expect(kinds.filter((k) => k === "alert_firing")).toHaveLength(1);
    expect(kinds.filter((k) => k === "alert_resolved")).toHaveLength(1);
    expect(await getDb().select().from(schema.incidents).where(isNotNull(schema.incidents.alertGroupKeyHash))).toHaveLength(1);
    const stored = await getDb().select().from(schema.alertDeliveries).where(eq(schema.alertDeliveries.incidentId, incident.id));
    expect(stored.length).toBe(deliveries.length);
  });
});
