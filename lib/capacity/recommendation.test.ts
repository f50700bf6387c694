import { describe, expect, it } from "vitest";
import type { Crossing } from "./crossing";
import type { CapacityForecast } from "./forecast";
import { recommend, urgency } from "./recommendation";
import { DAY_MS } from "./types";

const NOW = Date.UTC(2026, 10, 20, 12); // 20 Nov 2026
const none: Crossing = { level: 0, reachedNow: false, median: null, earliest80: null, earliest95: null, latest80: null, latest95: null };
const day = (d: number) => NOW + d * DAY_MS;

/** Only the fields the recommendation reads. */
function forecast(o: { usage: number; toWarning?: Partial<Crossing>; toLimit?: Partial<Crossing>; growth?: number }): CapacityForecast {
  return {
    now: NOW,
    horizonMs: 30 * DAY_MS,
    warningLevel: 0.8,
    usage: { t: NOW, value: o.usage },
    limit: { value: 200, changes: [] },
    utilisation: o.usage / 200,
    growthPerMonth: { absolute: (o.growth ?? 0) * 200, ofLimit: o.growth ?? 0 },
    toWarning: { ...none, level: 160, ...o.toWarning },
    toLimit: { ...none, level: 200, ...o.toLimit },
  } as unknown as CapacityForecast;
}

const connections = { subject: "connections", limitName: "max_connections", unit: "connections", advice: "raise the pool or add a replica" };

describe("recommendations", () => {
  it("reads like the issue's example", () => {
    const f = forecast({ usage: 120, toWarning: { median: day(13), earliest80: day(8), latest80: day(19) } });
    expect(recommend(f, connections)).toEqual({
      severity: "warning",
      text: "Connections will reach 80% of max_connections around 3 Dec (between 28 Nov and 9 Dec): raise the pool or add a replica.",
    });
  });

  it("adds the limit when it is reached within the horizon too, and says when the optimistic date is beyond it", () => {
    const f = forecast({ usage: 150, toWarning: { median: day(2), earliest80: day(1), latest80: day(4) }, toLimit: { median: day(20), earliest80: day(12), latest80: null } });
    const r = recommend(f, connections);
    expect(r.severity).toBe("critical");
    expect(r.text).toBe(
      "Connections will reach 80% of max_connections around 22 Nov (between 21 Nov and 24 Nov); max_connections itself around 10 Dec (between 2 Dec and some time after 20 Dec): raise the pool or add a replica.",
    );
  });

  it("speaks of now when a level is already reached", () => {
    const at = forecast({ usage: 206, toWarning: { reachedNow: true, median: NOW }, toLimit: { reachedNow: true, median: NOW } });
    expect(recommend(at, connections)).toEqual({ severity: "critical", text: "Connections at 103% of max_connections now (206 of 200 connections): raise the pool or add a replica." });
    const over = forecast({ usage: 170, toWarning: { reachedNow: true, median: NOW } });
    expect(recommend(over, connections).text).toBe("Connections at 85% of max_connections now (170 of 200 connections), above the 80% warning level: raise the pool or add a replica.");
    const disk = { ...forecast({ usage: 1.7 * 2 ** 40, toWarning: { reachedNow: true, median: NOW } }), limit: { value: 2 * 2 ** 40, changes: [] }, utilisation: 0.85 };
    expect(recommend(disk, { subject: "disk usage on /data", limitName: "the filesystem size", unit: "bytes", advice: "resize the volume" }).text).toBe(
      "Disk usage on /data at 85% of the filesystem size now (1.7 TiB of 2 TiB), above the 80% warning level: resize the volume.",
    );
  });

  it("warns of the pessimistic case only, or says no action is needed", () => {
    const watch = forecast({ usage: 100, growth: 0.031, toWarning: { earliest80: day(25) } });
    expect(recommend(watch, connections)).toEqual({
      severity: "watch",
      text: "Connections should stay below 80% of max_connections for the next 30 days (now 50%, +3.1% of the limit a month), but could reach it by 15 Dec if growth runs high.",
    });
    const calm = forecast({ usage: 60, growth: -0.02 });
    expect(recommend(calm, { ...connections, subject: "disk usage on /data" })).toEqual({
      severity: "ok",
      text: "Disk usage on /data stays below 80% of max_connections for at least the next 30 days (now 30%, −2% of the limit a month): no action needed.",
    });
  });

  it("sorts by the soonest level that may be reached", () => {
    const list = [
      forecast({ usage: 60 }),
      forecast({ usage: 100, toWarning: { earliest80: day(25) } }),
      forecast({ usage: 205, toWarning: { reachedNow: true, median: NOW }, toLimit: { reachedNow: true, median: NOW } }),
      forecast({ usage: 120, toWarning: { median: day(13), earliest80: day(8) } }),
      forecast({ usage: 170, toWarning: { reachedNow: true, median: NOW } }),
    ];
    const order = [...list].sort((a, b) => urgency(a) - urgency(b)).map((f) => f.usage.value);
    expect(order).toEqual([205, 170, 120, 100, 60]);
  });
});
