import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createService } from "@/lib/services/queries";
import { serviceInputSchema } from "@/lib/services/schemas";
import { createPolicy, deletePolicy, getPolicy, listPolicies, policyFormOptions, updatePolicy } from "./escalation-store";
import type { EscalationPolicyInput } from "./escalation-input";
import { insertSchedule } from "./testing/db-schedule";

let drop: () => Promise<void>;
let admin: Principal;
let responder: Principal;
let viewer: Principal;
let sched: Awaited<ReturnType<typeof insertSchedule>>;

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin", "ada@test.example");
  responder = await makeUser("responder", "rory@test.example");
  viewer = await makeUser("viewer", "vera@test.example");
  for (const [name, slug] of [["Checkout API", "checkout"], ["Search", "search"], ["Billing", "billing"]]) await createService(admin, serviceInputSchema.parse({ name, slug }));
  sched = await insertSchedule(getDb(), "Payments on-call", "Europe/London", [
    { name: "primary", participants: [responder.userId] },
    { name: "secondary", participants: [admin.userId] },
  ]);
});
afterAll(() => drop());

const chain = (over: Partial<EscalationPolicyInput> = {}): EscalationPolicyInput => ({
  name: "Payments",
  steps: [
    { targets: [{ kind: "layer", scheduleId: "Payments on-call", layerId: "primary" }], delayMinutes: 15 },
    { targets: [{ kind: "layer", scheduleId: sched.id, layerId: sched.layers.secondary }], delayMinutes: 15 },
    { targets: [{ kind: "user", userId: "VERA@test.example" }], delayMinutes: 30 },
  ],
  repeat: 2,
  services: ["checkout", "search"],
  ...over,
});

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};
const count = async () => (await getDb().select().from(schema.escalationPolicies)).length;

describe("escalation policies", () => {
  it("an admin creates one: names resolve to ids, labels name what each step pages, the services follow it", async () => {
    const p = await createPolicy(admin, chain());
    expect(p.steps.map((s) => s.targets.map((t) => t.label))).toEqual([["Payments on-call · primary"], ["Payments on-call · secondary"], ["vera"]]);
    expect(p.steps[0].targets[0]).toMatchObject({ kind: "layer", scheduleId: sched.id, layerId: sched.layers.primary });
    expect(p.steps[2].targets[0]).toMatchObject({ kind: "user", userId: viewer.userId });
    expect(p).toMatchObject({ repeat: 2, version: 1, services: [{ slug: "checkout" }, { slug: "search" }] });
    expect((await listPolicies(viewer)).map((x) => x.name)).toEqual(["Payments"]);
    expect(await getPolicy(viewer, p.id)).toEqual(p);
    const opts = await policyFormOptions(viewer);
    expect(opts.schedules).toEqual([{ id: sched.id, name: "Payments on-call", layers: [{ id: sched.layers.primary, name: "primary" }, { id: sched.layers.secondary, name: "secondary" }] }]);
    expect(opts.services.find((s) => s.slug === "checkout")?.policyId).toBe(p.id);
  });

  it("only admins write; everyone signed in reads", async () => {
    for (const who of [responder, viewer]) expect((await failure(createPolicy(who, chain({ name: "Nope", services: [] })))).code).toBe("forbidden");
    const [p] = await listPolicies(responder);
    expect((await failure(updatePolicy(responder, p.id, { repeat: 0 }))).code).toBe("forbidden");
    expect((await failure(deletePolicy(viewer, p.id))).code).toBe("forbidden");
    expect(await count()).toBe(1);
  });

  it("refuses bad input field by field and saves nothing", async () => {
    const before = await count();
    const cases: [EscalationPolicyInput, string, RegExp][] = [
      [chain({ name: "A", steps: [] }), "steps", /at least one step/],
      [chain({ name: "B", steps: [{ targets: [], delayMinutes: 5 }] }), "steps.0.targets", /at least one/],
      [chain({ name: "C", steps: [{ targets: [{ kind: "user", userId: viewer.userId }], delayMinutes: 0 }] }), "steps.0.delayMinutes", /at least 1 minute/],
      [chain({ name: "D", repeat: 10 }), "repeat", /at most 9/],
      [chain({ name: "E", steps: [{ targets: [{ kind: "layer", scheduleId: "Nowhere", layerId: "primary" }], delayMinutes: 5 }] }), "steps.0.targets.0", /No schedule "Nowhere"/],
      [chain({ name: "F", steps: [{ targets: [{ kind: "user", userId: viewer.userId }, { kind: "layer", scheduleId: sched.id, layerId: "tertiary" }], delayMinutes: 5 }] }), "steps.0.targets.1", /has no layer "tertiary"/],
      [chain({ name: "G", steps: [{ targets: [{ kind: "user", userId: "ghost@test.example" }], delayMinutes: 5 }] }), "steps.0.targets.0", /No person/],
      [chain({ name: "H", services: ["nope"] }), "services", /No service with slug "nope"/],
      // A service follows one policy: Payments already has checkout.
      [chain({ name: "I", services: ["checkout"] }), "services", /checkout already follows "Payments"/],
      [chain({ name: "" }), "name", /Name the policy/],
    ];
    for (const [input, field, message] of cases) {
      const err = await failure(createPolicy(admin, input));
      expect(err.code).toBe("bad_request");
      expect(err.fields?.[field]?.join(" ")).toMatch(message);
    }
    expect((await failure(createPolicy(admin, chain({ services: [] })))).code).toBe("conflict");
    expect(await count()).toBe(before);
  });

  it("edits with a version check, replaces the services, and deletes", async () => {
    const [p] = await listPolicies(admin);
    const edited = await updatePolicy(admin, p.id, { repeat: 0, services: ["billing"], version: p.version });
    expect(edited).toMatchObject({ repeat: 0, version: 2, services: [{ slug: "billing" }] });
    expect(edited.steps).toEqual(p.steps);
    expect((await failure(updatePolicy(admin, p.id, { name: "Stale", version: 1 }))).code).toBe("conflict");
    const bad = await failure(updatePolicy(admin, p.id, { steps: [{ targets: [{ kind: "user", userId: "ghost@test.example" }], delayMinutes: 5 }] }));
    expect(bad.fields?.["steps.0.targets.0"]).toBeDefined();
    expect((await getPolicy(admin, p.id)).steps).toEqual(p.steps);
    await deletePolicy(admin, p.id);
    expect(await listPolicies(admin)).toEqual([]);
    expect(await getDb().select().from(schema.serviceEscalationPolicies)).toEqual([]);
    expect((await failure(getPolicy(admin, p.id))).code).toBe("not_found");
  });
});
