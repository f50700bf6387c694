import { describe, expect, it } from "vitest";
import { correctionInputSchema, parseCorrectionForm } from "./correction-schemas";

const valid = { reason: "Database upgrade", startsAt: "2026-03-03T14:00:00+01:00", durationMinutes: 120 };

function errorsOf(input: unknown): Record<string, string[]> {
  const r = correctionInputSchema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.join(".") || "_"] ??= []).push(i.message);
  return out;
}

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

describe("correctionInputSchema", () => {
  it("normalises the start to UTC, the rule to canonical text, and defaults the zone to UTC", () => {
    expect(correctionInputSchema.parse({ ...valid, rrule: " freq=weekly;byday=su;count=10 " })).toEqual({
      reason: "Database upgrade",
      startsAt: "2026-03-03T13:00:00.000Z",
      durationMinutes: 120,
      rrule: "FREQ=WEEKLY;BYDAY=SU;COUNT=10",
      timeZone: "UTC",
    });
    expect(correctionInputSchema.parse({ ...valid, rrule: "", timeZone: "Europe/London" })).toMatchObject({ rrule: null, timeZone: "Europe/London" });
    // Parsing its own output again gives the same value (the domain functions re-validate).
    const once = correctionInputSchema.parse({ ...valid, rrule: "FREQ=DAILY;COUNT=2" });
    expect(correctionInputSchema.parse(once)).toEqual(once);
  });

  it("gives field errors for each bad field", () => {
    expect(errorsOf({ reason: " ", startsAt: "yesterday", durationMinutes: 0, rrule: "FREQ=HOURLY", timeZone: "Mars/Olympus" })).toEqual({
      reason: ["Say why these events are left out."],
      startsAt: [expect.stringMatching(/ISO 8601/)],
      durationMinutes: ["The duration is at least 1 minute."],
      rrule: [expect.stringMatching(/more than once a day/)],
      timeZone: [expect.stringMatching(/Unknown time zone/)],
    });
    expect(errorsOf({ ...valid, reason: "x".repeat(501) })).toHaveProperty("reason");
    expect(errorsOf({ ...valid, durationMinutes: 44641 })).toEqual({ durationMinutes: [expect.stringMatching(/31 days/)] });
    expect(errorsOf({ ...valid, durationMinutes: 1.5 })).toEqual({ durationMinutes: [expect.stringMatching(/whole number/)] });
    expect(errorsOf({ ...valid, startsAt: "2026-03-03T14:00:30Z" })).toEqual({ startsAt: [expect.stringMatching(/whole minute/)] });
    expect(errorsOf({ ...valid, startsAt: "2026-03-03T14:00:00" })).toHaveProperty("startsAt"); // no zone
    expect(errorsOf({ ...valid, startsAt: "1969-12-31T00:00:00Z" })).toHaveProperty("startsAt");
    expect(errorsOf({ ...valid, rrule: "FREQ=DAILY;DTSTART=20260101T000000Z" })).toEqual({ rrule: [expect.stringMatching(/Leave DTSTART/)] });
  });

  it("refuses a rule that never happens from the start on", () => {
    expect(errorsOf({ ...valid, rrule: "FREQ=DAILY;UNTIL=20260301" })).toEqual({ rrule: [expect.stringMatching(/never happens/)] });
    expect(errorsOf({ ...valid, startsAt: "2026-02-03T10:00:00Z", rrule: "FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30" })).toEqual({ rrule: [expect.stringMatching(/never happens/)] });
  });
});

describe("parseCorrectionForm", () => {
  const base = { reason: "Patch Tuesday", startsAt: "2026-03-29T02:00", timeZone: "Europe/London", duration: "2", durationUnit: "hours" };

  it("reads the local start in the chosen zone and builds the rule from the repeat choice", () => {
    expect(parseCorrectionForm(form({ ...base, repeat: "none" }))).toEqual({
      ok: true,
      input: { reason: "Patch Tuesday", startsAt: "2026-03-29T01:00:00.000Z", durationMinutes: 120, rrule: null, timeZone: "Europe/London" },
    });
    const weekly = parseCorrectionForm(form({ ...base, repeat: "weekly", byDay: ["SU", "TU"], count: "10" }));
    expect(weekly).toMatchObject({ ok: true, input: { rrule: "FREQ=WEEKLY;BYDAY=TU,SU;COUNT=10" } });
    expect(parseCorrectionForm(form({ ...base, repeat: "daily" }))).toMatchObject({ ok: true, input: { rrule: "FREQ=DAILY" } });
    expect(parseCorrectionForm(form({ ...base, repeat: "monthly", duration: "90", durationUnit: "minutes" }))).toMatchObject({ ok: true, input: { rrule: "FREQ=MONTHLY", durationMinutes: 90 } });
    expect(parseCorrectionForm(form({ ...base, repeat: "custom", rrule: "FREQ=MONTHLY;BYDAY=1SU", count: "3" }))).toMatchObject({ ok: true, input: { rrule: "FREQ=MONTHLY;BYDAY=1SU" } });
  });

  it("names the form's own fields in its errors", () => {
    expect(parseCorrectionForm(form({ reason: "", startsAt: "", timeZone: "UTC", duration: "", durationUnit: "minutes", repeat: "weekly" }))).toEqual({
      ok: false,
      fieldErrors: { reason: ["Say why these events are left out."], startsAt: ["Enter the start date and time."], duration: ["Enter how long it lasts."], byDay: ["Choose at least one day."] },
    });
    expect(parseCorrectionForm(form({ ...base, repeat: "custom", rrule: "FREQ=HOURLY" }))).toMatchObject({ ok: false, fieldErrors: { rrule: [expect.stringMatching(/more than once a day/)] } });
    expect(parseCorrectionForm(form({ ...base, repeat: "custom" }))).toMatchObject({ ok: false, fieldErrors: { rrule: [expect.stringMatching(/Enter a rule/)] } });
    expect(parseCorrectionForm(form({ ...base, repeat: "daily", count: "zero" }))).toMatchObject({ ok: false, fieldErrors: { count: [expect.any(String)] } });
    expect(parseCorrectionForm(form({ ...base, duration: "800", repeat: "none" }))).toMatchObject({ ok: false, fieldErrors: { duration: [expect.stringMatching(/31 days/)] } });
    expect(parseCorrectionForm(form({ ...base, duration: "0.001", repeat: "none" }))).toMatchObject({ ok: false, fieldErrors: { duration: [expect.stringMatching(/whole number of minutes/)] } });
    expect(parseCorrectionForm(form({ ...base, timeZone: "Nowhere/Land", repeat: "none" }))).toMatchObject({ ok: false, fieldErrors: { timeZone: ["Unknown time zone."] } });
    expect(parseCorrectionForm(form({ ...base, startsAt: "2026-02-30T10:00", repeat: "none" }))).toMatchObject({ ok: false, fieldErrors: { startsAt: ["Enter the start date and time."] } });
  });
});
