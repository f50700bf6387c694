import ICAL from "ical.js";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { freshDatabase } from "@/test/fixtures/db";
import { makeUser } from "@/test/fixtures/principals";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createFeedToken, listFeedTokens, personFeed, revokeFeedToken, scheduleFeed } from "./feed-store";
import { scheduleOnCall } from "./oncall-queries";
import { addOverride } from "./override-store";
import { createSchedule } from "./schedule-store";
import { cancelSwap, listSwaps, offerSwap, takeSwap } from "./swap-store";

let drop: () => Promise<void>;
let admin: Principal;
let rita: Principal;
let otto: Principal;
let viewer: Principal;
let scheduleId: string;
let otherId: string;

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2026, 0, 5, 9); // Monday 09:00 UTC
const NOW = T0 - D;
const iso = (ms: number) => new Date(ms).toISOString();
const weekly = (participants: string[]) => ({ type: "weekly" as const, length: 1, handoffTime: "09:00", start: "2026-01-05", participants });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return { start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime(), summary: e.summary, override: v.getFirstPropertyValue("x-keel-override") === "TRUE" };
  });
}

beforeAll(async () => {
  ({ drop } = await freshDatabase());
  admin = await makeUser("admin");
  rita = await makeUser("responder", "rita@swap.example");
  otto = await makeUser("responder", "otto@swap.example");
  viewer = await makeUser("viewer");
  scheduleId = (await createSchedule(admin, { name: "Search", timeZone: "UTC", layers: [{ name: "Primary", rotation: weekly([rita.email, otto.email]) }] })).id;
  otherId = (await createSchedule(admin, { name: "Other", timeZone: "UTC", layers: [{ name: "Only", rotation: weekly([otto.email]) }] })).id;
});
afterAll(() => drop());

describe("shift swaps", () => {
  it("rita offers her Wednesday; otto takes it; both see it and otto is on call", async () => {
    const range = { start: iso(T0 + 2 * D), end: iso(T0 + 3 * D) };
    expect((await refusal(offerSwap(viewer, scheduleId, range, NOW))).code).toBe("forbidden");
    const notMine = await refusal(offerSwap(otto, scheduleId, range, NOW));
    expect(notMine.fields?.start).toEqual(["You are not the one on call for all of this time."]);
    const offer = await offerSwap(rita, scheduleId, { ...range, note: "dentist" }, NOW);
    expect(offer).toMatchObject({ status: "open", offeredBy: { email: rita.email }, takenBy: null, note: "dentist" });
    expect((await refusal(offerSwap(rita, scheduleId, range, NOW))).fields?.start).toEqual(["You already offer a shift overlapping this time."]);
    expect((await refusal(takeSwap(rita, scheduleId, offer.id, NOW))).message).toBe("You cannot take your own shift.");
    expect((await refusal(takeSwap(otto, otherId, offer.id, NOW))).code).toBe("not_found");

    const taken = await takeSwap(otto, "Search", offer.id, NOW);
    expect(taken).toMatchObject({ status: "taken", takenBy: { email: otto.email } });
    expect((await scheduleOnCall(viewer, scheduleId, T0 + 2 * D + H)).final).toMatchObject({ users: [{ email: otto.email }], start: range.start, end: range.end });
    expect((await refusal(takeSwap(admin, scheduleId, offer.id, NOW))).message).toBe("Someone has already taken this shift.");
    const seen = (await listSwaps(viewer, scheduleId, NOW)).items;
    expect(seen.map((x) => [x.status, x.offeredBy.email, x.takenBy?.email, x.overrideId !== null])).toEqual([["taken", rita.email, otto.email, true]]);
  });

  it("a withdrawn offer cannot be taken; only its author or an admin withdraws", async () => {
    const offer = await offerSwap(rita, scheduleId, { start: iso(T0 + 4 * D), end: iso(T0 + 5 * D) }, NOW);
    expect((await refusal(cancelSwap(otto, scheduleId, offer.id, NOW))).code).toBe("forbidden");
    expect((await cancelSwap(rita, scheduleId, offer.id, NOW)).status).toBe("cancelled");
    expect((await refusal(takeSwap(otto, scheduleId, offer.id, NOW))).message).toBe("This offer was withdrawn.");
  });
});

describe("iCalendar feeds", () => {
  it("stores only the SHA-256 of a feed token and publishes the schedule with its overrides, by token only", async () => {
    const override = await addOverride(otto, scheduleId, { kind: "replace", userId: otto.email, start: iso(T0 + 16 * D), end: iso(T0 + 16 * D + 6 * H) }, NOW);
    const feed = await createFeedToken(viewer, { schedule: "Search" });
    expect(feed.path).toBe(`/api/v1/schedules/${scheduleId}/calendar.ics?token=${encodeURIComponent(feed.token)}`);
    const rows = await getDb().select().from(schema.oncallFeedTokens).where(eq(schema.oncallFeedTokens.id, feed.id));
    expect(rows[0].tokenHash).toBe(createHash("sha256").update(feed.token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(feed.token);

    const list = events(await scheduleFeed(feed.token, scheduleId, NOW));
    // Week 1 (from T0+7d) is otto's; week 2 rita's, with otto's override inside it (and his swap in week 0).
    const over = list.filter((e) => e.override && e.start > T0 + 14 * D);
    expect(over).toEqual([{ start: Date.parse(override.start), end: Date.parse(override.end), summary: `On call: ${otto.name} (override)`, override: true }]);
    expect(list.find((e) => e.start === T0 + 7 * D)?.summary).toBe(`On call: ${otto.name}`);
    expect(Math.max(...list.map((e) => e.end))).toBeGreaterThan(NOW + 360 * D);

    expect((await refusal(scheduleFeed("keelcal_wrong", scheduleId, NOW))).code).toBe("unauthorized");
    expect((await refusal(scheduleFeed(feed.token, otherId, NOW))).code).toBe("unauthorized");
    expect((await refusal(scheduleFeed(null, scheduleId, NOW))).code).toBe("unauthorized");
    expect((await listFeedTokens(viewer)).map((t) => t.id)).toEqual([feed.id]);
    expect((await refusal(revokeFeedToken(rita, feed.id))).code).toBe("forbidden");
    await revokeFeedToken(viewer, feed.id);
    expect((await refusal(scheduleFeed(feed.token, scheduleId, NOW))).code).toBe("unauthorized");
  });

  it("a cached feed changes when an override is added", async () => {
    const feed = await createFeedToken(rita, { schedule: scheduleId });
    const before = events(await scheduleFeed(feed.token, scheduleId, NOW)).filter((e) => e.override).length;
    await addOverride(rita, scheduleId, { kind: "replace", userId: otto.email, start: iso(T0 + 30 * D), end: iso(T0 + 31 * D) }, NOW);
    expect(events(await scheduleFeed(feed.token, scheduleId, NOW)).filter((e) => e.override).length).toBe(before + 1);
  });

  it("a person's feed holds their shifts across schedules", async () => {
    const feed = await createFeedToken(otto, { person: true });
    expect(feed.path).toBe(`/api/v1/oncall/calendar.ics?token=${encodeURIComponent(feed.token)}`);
    const list = events(await personFeed(feed.token, NOW));
    expect(list.some((e) => e.summary === "On call: Other")).toBe(true);
    expect(list.some((e) => e.summary === "On call: Search (override)" && e.start === T0 + 16 * D)).toBe(true);
    expect(list.some((e) => e.summary.startsWith("On call: Search") && e.start === T0 + 7 * D)).toBe(true);
    expect((await refusal(personFeed(feed.token.slice(0, -1) + "x", NOW))).code).toBe("unauthorized");
  });
});
