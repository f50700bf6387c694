import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import { formVersion, maintenanceFormToInput } from "./maintenance-form";
import { maintenanceInputSchema, maintenancePatchSchema } from "./maintenance-schemas";

const base = { title: "Database upgrade", startsAt: "2026-03-03T14:00:00Z", endsAt: "2026-03-03T16:00:00Z", services: ["checkout-api"] };
const errorsOf = (r: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) => (r.success ? {} : fieldErrorsOf(r.error!));

describe("maintenance input", () => {
  it("takes ISO times with a zone, trims the text and defaults the description", () => {
    const r = maintenanceInputSchema.parse({ ...base, title: "  Database upgrade ", startsAt: "2026-03-03T15:00:00+01:00" });
    expect(r).toEqual({ title: "Database upgrade", description: "", startsMs: Date.UTC(2026, 2, 3, 14), endsMs: Date.UTC(2026, 2, 3, 16), services: ["checkout-api"] });
  });

  it("reads datetime-local values in the time zone given (UTC by default), across DST", () => {
    const at = (startsAt: string, endsAt: string, timeZone?: string) => {
      const r = maintenanceInputSchema.parse({ ...base, startsAt, endsAt, ...(timeZone ? { timeZone } : {}) });
      return [new Date(r.startsMs).toISOString(), new Date(r.endsMs).toISOString()];
    };
    expect(at("2026-03-03T14:00", "2026-03-03T16:30")).toEqual(["2026-03-03T14:00:00.000Z", "2026-03-03T16:30:00.000Z"]);
    // London is on GMT in March before the 29th, on BST (UTC+1) in July.
    expect(at("2026-03-03T14:00", "2026-03-03T15:00", "Europe/London")).toEqual(["2026-03-03T14:00:00.000Z", "2026-03-03T15:00:00.000Z"]);
    expect(at("2026-07-01T02:00", "2026-07-01T04:00", "Europe/London")).toEqual(["2026-07-01T01:00:00.000Z", "2026-07-01T03:00:00.000Z"]);
    expect(at("2026-01-15T02:00", "2026-01-15T04:00", "America/New_York")).toEqual(["2026-01-15T07:00:00.000Z", "2026-01-15T09:00:00.000Z"]);
    // 01:30 on 29 March 2026 does not exist in London (01:00 GMT jumps to 02:00 BST): the first instant after the gap.
    expect(at("2026-03-29T01:30", "2026-03-29T03:00", "Europe/London")).toEqual(["2026-03-29T01:00:00.000Z", "2026-03-29T02:00:00.000Z"]);
  });

  it("reports every field's problem at once, in words", () => {
    const r = maintenanceInputSchema.safeParse({ title: " ", startsAt: "2026-03-03T14:00", endsAt: "2026-03-03T13:00", services: [] });
    expect(errorsOf(r)).toEqual({
      title: ["Title is required."],
      services: ["Choose at least one public component."],
      endsAt: ["The end must be after the start."],
    });
  });

  it("refuses times that are neither form, a zone that is not one, and a window over 31 days", () => {
    expect(errorsOf(maintenanceInputSchema.safeParse({ ...base, startsAt: "next tuesday" }))).toEqual({ startsAt: ["Give a date and time such as 2026-03-03T14:00 (read in the time zone) or 2026-03-03T14:00:00Z."] });
    expect(errorsOf(maintenanceInputSchema.safeParse({ ...base, startsAt: "2026-02-30T10:00" }))).toHaveProperty("startsAt");
    expect(errorsOf(maintenanceInputSchema.safeParse({ ...base, startsAt: "" }))).toEqual({ startsAt: ["Enter the start date and time."] });
    expect(errorsOf(maintenanceInputSchema.safeParse({ ...base, timeZone: "Mars/Olympus" }))).toEqual({ timeZone: ["Unknown time zone; use an IANA name such as Europe/London."] });
    expect(errorsOf(maintenanceInputSchema.safeParse({ ...base, endsAt: "2026-04-03T14:00:01Z" }))).toEqual({ endsAt: ["A maintenance window lasts at most 31 days."] });
  });

  it("refuses unknown fields and a body that is not an object, and lists each component once", () => {
    expect(maintenanceInputSchema.safeParse({ ...base, createdBy: "someone" }).success).toBe(false);
    expect(maintenanceInputSchema.safeParse(null).success).toBe(false);
    expect(maintenanceInputSchema.safeParse("text").success).toBe(false);
    expect(maintenanceInputSchema.parse({ ...base, services: ["search", "search", "checkout-api"] }).services).toEqual(["search", "checkout-api"]);
    expect(errorsOf(maintenanceInputSchema.safeParse({ ...base, services: "search" }))).toEqual({ services: ["Choose at least one public component."] });
  });
});

describe("maintenance changes (PATCH)", () => {
  it("takes any subset of the fields and converts the times given", () => {
    expect(maintenancePatchSchema.parse({ title: "New title" })).toMatchObject({ title: "New title", startsMs: undefined, endsMs: undefined, services: undefined });
    expect(maintenancePatchSchema.parse({ endsAt: "2026-03-03T18:00", timeZone: "Europe/Paris", version: 3 })).toMatchObject({ endsMs: Date.UTC(2026, 2, 3, 17), version: 3 });
  });

  it("checks a window when both ends are given and refuses bad versions", () => {
    expect(errorsOf(maintenancePatchSchema.safeParse({ startsAt: "2026-03-03T18:00:00Z", endsAt: "2026-03-03T17:00:00Z" }))).toEqual({ endsAt: ["The end must be after the start."] });
    expect(errorsOf(maintenancePatchSchema.safeParse({ version: 0 }))).toEqual({ version: ["version is a whole number."] });
    expect(errorsOf(maintenancePatchSchema.safeParse({ services: [] }))).toEqual({ services: ["Choose at least one public component."] });
  });
});

describe("the maintenance form", () => {
  it("sends its fields as the input, one services field per ticked box, UTC when no zone came", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: "Upgrade", description: "Slower checkout", startsAt: "2026-03-03T14:00", endsAt: "2026-03-03T16:00", timeZone: "", version: "4" })) form.set(k, v);
    form.append("services", "checkout-api");
    form.append("services", "search");
    expect(maintenanceFormToInput(form)).toEqual({ title: "Upgrade", description: "Slower checkout", startsAt: "2026-03-03T14:00", endsAt: "2026-03-03T16:00", timeZone: "UTC", services: ["checkout-api", "search"] });
    expect(formVersion(form)).toBe(4);
    form.set("version", "x");
    expect(formVersion(form)).toBeUndefined();
  });
});
