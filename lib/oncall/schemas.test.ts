import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import { compensationRatesSchema, escalationPolicySchema, overrideInputSchema, scheduleInputSchema } from "./schemas";
import type { LayerDefinition } from "./types";

const good = {
  name: "Platform",
  timeZone: "europe/london",
  layers: [
    { name: "Primary", rotation: { type: "weekly", length: 1, handoffTime: "09:00", start: "2026-03-02", participants: ["u1", "u2"] } },
    { name: "Business hours", rotation: { type: "daily", length: 1, handoffTime: "09:00", start: "2026-03-02", participants: ["u3"] }, restrictions: [{ days: ["MO", "FR"], start: "09:00", end: "17:00" }] },
  ],
};

describe("on-call input schemas", () => {
  it("accepts a two-layer schedule, canonicalizes the zone, and yields the core's layer definitions", () => {
    const r = scheduleInputSchema.safeParse(good);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.timeZone).toBe("Europe/London");
    const defs: LayerDefinition[] = r.data.layers;
    expect(defs[1].restrictions).toEqual([{ days: ["MO", "FR"], start: "09:00", end: "17:00" }]);
  });

  it("refuses unknown zones, empty rotations, bad times and dates and overlong turns, field by field", () => {
    const bad = {
      name: "",
      timeZone: "Mars/Olympus",
      layers: [
        { name: "P", rotation: { type: "weekly", length: 60, handoffTime: "9:00", start: "2026-02-30", participants: [] } },
        { name: "Q", rotation: { type: "fortnightly", length: 1.5, handoffTime: "09:00", start: "2026-03-02", participants: ["u"] }, restrictions: [{ days: [], start: "09:00", end: "25:00" }] },
      ],
    };
    const r = scheduleInputSchema.safeParse(bad);
    expect(r.success).toBe(false);
    if (r.success) return;
    const f = fieldErrorsOf(r.error);
    expect(f.name).toEqual(["Name the schedule."]);
    expect(f.timeZone).toEqual(['Unknown time zone "Mars/Olympus"; use an IANA name such as Europe/London or America/Chicago.']);
    expect(f["layers.0.rotation.participants"]).toEqual(["A rotation needs at least one participant."]);
    expect(f["layers.0.rotation.handoffTime"]).toEqual(["The hand-off time is a time of day, HH:MM from 00:00 to 23:59."]);
    expect(f["layers.0.rotation.start"]).toEqual(["The start is a date, YYYY-MM-DD."]);
    expect(f["layers.0.rotation.length"]).toEqual(["A weekly rotation is at most 52 weeks long."]);
    expect(f["layers.1.rotation.type"]).toEqual(["The rotation type is hourly, daily, weekly or custom."]);
    expect(f["layers.1.rotation.length"]).toEqual(["The length is a whole number."]);
    expect(f["layers.1.restrictions.0.days"]).toEqual(["Pick at least one day, or leave the days out for every day."]);
    expect(f["layers.1.restrictions.0.end"]).toEqual(["The window end is a time of day, HH:MM from 00:00 to 23:59."]);
    expect(fieldErrorsOf(scheduleInputSchema.safeParse({ ...good, layers: [] }).error!).layers).toEqual(["A schedule needs at least one layer."]);
  });

  it("refuses an override that ends before it starts", () => {
    const r = overrideInputSchema.safeParse({ kind: "replace", userId: "u1", start: "2026-03-02T10:00:00Z", end: "2026-03-02T09:00:00+00:00" });
    expect(r.success).toBe(false);
    expect(fieldErrorsOf(r.error!).end).toEqual(["The end must be after the start."]);
    const ok = overrideInputSchema.parse({ kind: "add", userId: "u1", start: "2026-03-02T10:00:00+01:00", end: "2026-03-02T12:00:00Z", layerId: "primary" });
    expect(ok).toEqual({ kind: "add", userId: "u1", startMs: Date.UTC(2026, 2, 2, 9), endMs: Date.UTC(2026, 2, 2, 12), layerId: "primary" });
  });

  it("validates escalation policies and compensation rates", () => {
    expect(escalationPolicySchema.parse({ steps: [{ targets: [{ kind: "user", userId: "vp" }], delayMinutes: 15 }] }).repeat).toBe(0);
    const r = escalationPolicySchema.safeParse({ steps: [{ targets: [], delayMinutes: 0 }], repeat: 12 });
    expect(fieldErrorsOf(r.error!)).toMatchObject({
      "steps.0.targets": ["A step notifies at least one layer, schedule or person."],
      "steps.0.delayMinutes": ["The delay is at least 1 minute."],
      repeat: ["Repeat is at most 9."],
    });
    expect(compensationRatesSchema.safeParse({ currency: "eur", weeklyStipend: -1, hourlyRate: 10, responseMultiplier: 1.5, sev1DayOff: true }).success).toBe(false);
  });
});
