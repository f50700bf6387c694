import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, isNull } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import { startSmtpReceiver, type SmtpReceiver } from "@/test/fixtures/smtp";
import type { Principal } from "@/lib/auth/roles";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIncident, updateIncident } from "@/lib/incidents/queries";
import { drainDueDeliveries } from "./worker";

let drop: () => Promise<void>;
let smtp: SmtpReceiver;
let admin: Principal;
let rita: Principal;
let otto: Principal;

const T0 = Date.parse("2025-03-01T10:00:00Z");
const d = schema.notificationDeliveries;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "Keel <keel@keel.test>";
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin", "ada@test.example");
  rita = await makeUser("responder", "rita@test.example");
  otto = await makeUser("responder", "otto@test.example");
  await createService(admin, serviceInputSchema.parse({ name: "Checkout API", slug: "checkout" }));
});
afterAll(async () => {
  await smtp.close();
  await drop();
});

const roleRows = () => getDb().select({ recipient: d.recipient, event: d.event }).from(d).where(isNull(d.channelId));

describe("email to an incident's role holders", () => {
  it("tells people the role they were given, and role holders what changed, never the person who changed it", async () => {
    const inc = await createIncident(admin, { title: "Checkout 503s", severity: "SEV2", services: ["checkout"] }, T0);
    await updateIncident(admin, inc.ref, { commander: rita.email, commsLead: otto.email, addResponders: [admin.email] }, undefined, T0 + 1000);
    expect((await roleRows()).map((r) => `${r.recipient} ${r.event}`).sort()).toEqual(["otto@test.example role_assigned", "rita@test.example role_assigned"]);
    expect(await drainDueDeliveries({ now: new Date(T0 + 2000) })).toMatchObject({ sent: 2 });
    const mails = await smtp.waitFor(2);
    const toRita = mails.find((m) => m.to.includes("rita@test.example"))!;
    expect(toRita.subject).toBe(`[Keel] You are now the incident commander of ${inc.ref}: Checkout 503s`);
    expect(toRita.text).toContain(`made you the incident commander of ${inc.ref}`);
    expect(toRita.text).toContain(`/incidents/${inc.ref}`);
    expect(mails.find((m) => m.to.includes("otto@test.example"))!.subject).toContain("the communications lead of");

    // Rita moves it on: Otto and Ada (a responder) hear of it; Rita, who did it, does not.
    await updateIncident(rita, inc.ref, { status: "investigating", severity: "SEV1" }, undefined, T0 + 3000);
    const after = (await roleRows()).slice(2).map((r) => `${r.recipient} ${r.event}`).sort();
    expect(after).toEqual([
      "ada@test.example role_severity_changed",
      "ada@test.example role_status_changed",
      "otto@test.example role_severity_changed",
      "otto@test.example role_status_changed",
    ]);
    await drainDueDeliveries({ now: new Date(T0 + 4000) });
    const all = await smtp.waitFor(6);
    expect(all.some((m) => m.subject === `[Keel] ${inc.ref} moved from triaging to investigating: Checkout 503s`)).toBe(true);
    expect(all.some((m) => m.subject === `[Keel] ${inc.ref} severity changed from SEV2 to SEV1: Checkout 503s`)).toBe(true);
    expect(all.filter((m) => m.to.includes("rita@test.example"))).toHaveLength(1);
  });

  it("skips people whose account is disabled", async () => {
    await getDb().update(schema.users).set({ disabled: true }).where(eq(schema.users.id, otto.userId));
    const inc = await createIncident(admin, { title: "Search slow", severity: "SEV3", services: ["checkout"] }, T0);
    const before = (await roleRows()).length;
    await updateIncident(admin, inc.ref, { commander: otto.email }, undefined, T0 + 1000).catch(() => undefined);
    await updateIncident(admin, inc.ref, { commsLead: rita.email }, undefined, T0 + 2000);
    const added = (await roleRows()).slice(before).map((r) => r.recipient);
    expect(added).toEqual(["rita@test.example"]);
  });
});
