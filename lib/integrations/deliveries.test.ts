import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createIntegration } from "./queries";
import { ingestAlertmanager } from "./ingest";
import { sourceForSecret } from "./source";
import { listDeliveries } from "./deliveries";
import { testPayload } from "./alertmanager-test-fixtures";

let drop: () => Promise<void>;
let admin: Principal;
let viewer: Principal;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  viewer = await makeUser("viewer");
  await createService(admin, serviceInputSchema.parse({ name: "Checkout", slug: "checkout" }));
});
afterAll(() => drop());

describe("the delivery log", () => {
  it("lists each integration's deliveries newest first, with the incident they opened, for admins only", async () => {
    const a = await createIntegration(admin, { name: "prod" });
    const b = await createIntegration(admin, { name: "staging" });
    const t0 = Date.parse("2025-03-01T10:00:00Z");
    const alert = { fingerprint: "f1", labels: { service: "checkout", severity: "critical" } };
    const opened = await ingestAlertmanager((await sourceForSecret(a.secret))!, testPayload("{}:{alertname=\"X\"}", [alert]), t0);
    await ingestAlertmanager((await sourceForSecret(a.secret))!, testPayload("{}:{alertname=\"X\"}", [alert]), t0 + 60_000);
    await ingestAlertmanager((await sourceForSecret(b.secret))!, testPayload("{}:{alertname=\"Y\"}", [{ ...alert, fingerprint: "f2" }]), t0 + 120_000);

    const mine = await listDeliveries(admin, { integrationId: a.id });
    expect(mine.map((d) => d.outcome)).toEqual(["unchanged", "opened"]);
    expect(mine[1]).toMatchObject({ source: "integration:prod", status: "firing", alertCount: 1, incident: { id: opened.incident!.id, ref: opened.incident!.ref } });
    expect(mine[1].incident?.ref).toMatch(/^INC-\d+$/);
    expect((await listDeliveries(admin)).length).toBe(3);
    expect((await listDeliveries(admin, { limit: 1 })).map((d) => d.source)).toEqual(["integration:staging"]);
    const err = await listDeliveries(viewer).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("forbidden");
  });
});
