import { describe, expect, it } from "vitest";
import { compensation, compensationCsv, DEFAULT_RATES, type ResponseWork } from "./compensation";
import { dayPartAt, splitDayParts } from "./day-parts";
import { onCallHealth, personIntervals, type Page } from "./health";
import type { FinalShift } from "./types";
import { at, dayOf, HOUR, type ZoneName } from "./testing/dst-model";

const CHI: ZoneName = "America/Chicago";
const MON = dayOf("2026-03-02"); // Monday; the US clocks go forward on Sunday 8 March
const chi = (dayOffset: number, hhmm: string) => at(CHI, MON + dayOffset, hhmm);
// ana (Chicago) is on call Mon 2 March 09:00 → Mon 9 March 09:00 Chicago time (167 h: the spring-forward week);
// ben (London, still on GMT) the two weeks after.
const anaFrom = chi(0, "09:00");
const anaTo = chi(7, "09:00");
const benTo = chi(21, "09:00");
const PERIOD = { fromMs: Date.UTC(2026, 2, 1), toMs: Date.UTC(2026, 2, 29) };
const zones = { ana: "America/Chicago", ben: "Europe/London" };
const piece = (startMs: number, endMs: number, who: string): FinalShift => ({ startMs, endMs, userIds: [who], sourceLayerId: "l", layers: [{ layerId: "l", userIds: [who] }], overrideIds: [], overridden: false });
const shifts = [piece(anaFrom, chi(3, "09:00"), "ana"), piece(chi(3, "09:00"), anaTo, "ana"), piece(anaTo, benTo, "ben")];

describe("parts of the day", () => {
  it("splits a week across a spring-forward night: 40 h business, 55 h nights, 72 h off-hours", () => {
    const p = splitDayParts(anaFrom, anaTo, "America/Chicago");
    expect((anaTo - anaFrom) / HOUR).toBe(167);
    expect({ business: p.business / HOUR, night: p.night / HOUR, off: p["off-hours"] / HOUR }).toEqual({ business: 40, night: 55, off: 72 });
  });

  it("classifies instants on the person's wall clock", () => {
    expect(dayPartAt(chi(1, "10:00"), "America/Chicago")).toBe("business");
    expect(dayPartAt(chi(1, "08:59"), "America/Chicago")).toBe("off-hours");
    expect(dayPartAt(chi(1, "17:00"), "America/Chicago")).toBe("off-hours");
    expect(dayPartAt(chi(1, "22:00"), "America/Chicago")).toBe("night");
    expect(dayPartAt(chi(5, "12:00"), "America/Chicago")).toBe("off-hours"); // Saturday
    expect(dayPartAt(chi(1, "10:00"), "Europe/London")).toBe("business"); // 16:00 GMT
    expect(dayPartAt(chi(1, "12:00"), "Europe/London")).toBe("off-hours"); // 18:00 GMT
    expect(dayPartAt(chi(1, "17:00"), "Europe/London")).toBe("night"); // 23:00 GMT
  });
});

describe("on-call health", () => {
  const pages: Page[] = [
    { id: "p1", atMs: chi(1, "10:00"), userId: "ana", incidentId: "i1" },
    { id: "p2", atMs: chi(1, "10:30"), userId: "ana", incidentId: "i1" },
    { id: "p3", atMs: chi(1, "23:00"), userId: "ana", incidentId: "i2" },
    { id: "p4", atMs: chi(2, "07:00"), userId: "ana", incidentId: "i3" },
    { id: "p5", atMs: chi(2, "08:00"), userId: "ana", incidentId: "i4" },
    { id: "p6", atMs: chi(8, "12:00"), userId: "ana", incidentId: "i9" },
    { id: "p7", atMs: chi(5, "12:00"), userId: "ana" },
  ];

  it("counts hours per part of the day, pages, interruptions, incidents per 12 hours and the share of time", () => {
    const { people, team } = onCallHealth(personIntervals(shifts), pages, { ...PERIOD, timeZones: zones, people: ["ana", "ben", "cy"] });
    const [ana, ben, cy] = people;
    expect(ana).toMatchObject({ onCallHours: 167, businessHours: 40, nightHours: 55, offHours: 72, pages: 6, pagesOutsideShifts: 1, offHoursInterruptions: 4, nightInterruptions: 1, incidents: 5, blocks12h: 14 });
    // 12-hour blocks from Mon 09:00 CST (15:00 UTC): i2 (Tue 23:00), i3 (Wed 07:00) and i4 (Wed 08:00) all fall in block 3.
    expect(ana.maxIncidentsIn12h).toBe(3);
    expect(ana.blocksOverLimit).toBe(1);
    expect(ana.incidentsPer12h).toBeCloseTo((5 * 12) / 167, 12);
    expect(ana.share).toBeCloseTo(167 / 672, 12);
    expect(ana.overShareCeiling).toBe(false);
    // ben in London (GMT): 336 h = 80 business + 112 night + 144 off-hours.
    expect(ben).toMatchObject({ timeZone: "Europe/London", onCallHours: 336, businessHours: 80, nightHours: 112, offHours: 144, share: 0.5, overShareCeiling: true, pages: 0 });
    expect(cy).toMatchObject({ onCallHours: 0, share: 0, incidentsPer12h: 0 });
    expect(team).toMatchObject({ people: 3, onCallHours: 503, pages: 6, incidents: 5, peopleOverShareCeiling: 1, maxIncidentsIn12h: 3, blocksOverLimit: 1 });
    expect(team.share).toBeCloseTo(503 / (3 * 672), 12);
  });

  it("counts backups when asked and refuses unknown zones", () => {
    const withBackup: FinalShift[] = [{ ...piece(anaFrom, anaTo, "ana"), layers: [{ layerId: "l", userIds: ["ana"] }, { layerId: "s", userIds: ["sam"] }] }];
    expect(personIntervals(withBackup).map((i) => i.userId)).toEqual(["ana"]);
    expect(personIntervals(withBackup, { layers: true }).map((i) => i.userId)).toEqual(["ana", "sam"]);
    expect(() => onCallHealth(personIntervals(shifts), [], { ...PERIOD, timeZones: { ana: "Mars/Base" } })).toThrow(/Unknown time zone "Mars\/Base"/);
  });
});

describe("compensation", () => {
  const work: ResponseWork[] = [
    { userId: "ana", incidentId: "i1", severity: "SEV2", startMs: chi(1, "10:00"), endMs: chi(1, "12:00") }, // business: not extra
    { userId: "ana", incidentId: "i2", severity: "SEV1", startMs: chi(1, "23:00"), endMs: chi(2, "01:30") }, // night: 2.5 h, a day off
    { userId: "ana", incidentId: "i3", severity: "SEV1", startMs: chi(2, "07:00"), endMs: chi(2, "09:30") }, // 2 h off-hours, a day off
    { userId: "ana", incidentId: "i5", severity: "SEV1", startMs: chi(3, "10:00"), endMs: chi(3, "11:00") }, // business SEV1: no day off
  ];

  it("pro-rates the stipend, pays response outside business hours at the multiplier and grants days off after SEV1 outside hours", () => {
    const rows = compensation(personIntervals(shifts), work, { ...PERIOD, timeZones: zones, rates: DEFAULT_RATES });
    expect(rows.map((r) => ({ ...r }))).toEqual([
      {
        userId: "ana",
        timeZone: "America/Chicago",
        onCallHours: 167,
        stipend: 298.21, // 300 × 167 / 168
        responseHours: 8,
        responseHoursOutsideBusiness: 4.5,
        responsePay: 337.5, // 4.5 h × 50 × 1.5
        daysOff: 2,
        dayOffIncidents: ["i2", "i3"],
        total: 635.71,
        currency: "EUR",
      },
      { userId: "ben", timeZone: "Europe/London", onCallHours: 336, stipend: 600, responseHours: 0, responseHoursOutsideBusiness: 0, responsePay: 0, daysOff: 0, dayOffIncidents: [], total: 600, currency: "EUR" },
    ]);
    const edited = compensation(personIntervals(shifts), work, { ...PERIOD, timeZones: zones, rates: { currency: "USD", weeklyStipend: 168, hourlyRate: 10, responseMultiplier: 2, sev1DayOff: false } });
    expect(edited[0]).toMatchObject({ stipend: 167, responsePay: 90, daysOff: 0, total: 257, currency: "USD" });
  });

  it("writes CSV with a header, quoting, and no formulas", () => {
    const rows = compensation(personIntervals(shifts), work, { ...PERIOD, timeZones: zones, rates: DEFAULT_RATES });
    const csv = compensationCsv(rows, { ana: 'Ana "Ops" Diaz, SRE', ben: "=HYPERLINK(\"x\")" });
    expect(csv.split("\r\n")).toEqual([
      "user,name,time_zone,on_call_hours,stipend,response_hours,response_hours_outside_business,response_pay,sev1_days_off,total,currency",
      'ana,"Ana ""Ops"" Diaz, SRE",America/Chicago,167.00,298.21,8.00,4.50,337.50,2,635.71,EUR',
      `ben,"'=HYPERLINK(""x"")",Europe/London,336.00,600.00,0.00,0.00,0.00,0,600.00,EUR`,
      "",
    ]);
  });
});
