import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { OpenMetricsSeries } from "../../test/fixtures/prometheus";

/** The proxy benchmark's data: request counters by service and status code, one sample a minute. */
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** History kept: 30 days plus a 3-day margin so every shifted 30-day window is fully covered. */
export const HISTORY_MS = 33 * DAY;
const RESOLUTION_MS = MINUTE;
export const SERVICES = ["checkout", "payments", "ledger", "search", "catalog", "accounts", "shipping", "notifications", "gateway", "inventory"];
export const CODES: Array<[code: string, share: number]> = [
  ["200", 0.97],
  ["404", 0.02],
  ["500", 0.008],
  ["503", 0.002],
];


function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function history(endMs: number): { series: OpenMetricsSeries[]; samples: number } {
  const rand = mulberry32(42);
  const series: OpenMetricsSeries[] = [];
  let samples = 0;
  const startMs = endMs - HISTORY_MS;
  for (const [si, service] of SERVICES.entries()) {
    const baseRps = 2 + si * 4 + rand() * 4;
    for (const [code, share] of CODES) {
      let value = Math.floor(rand() * 1e6);
      const points: Array<[number, number]> = [];
      for (let t = startMs; t <= endMs; t += RESOLUTION_MS) {
        const diurnal = 1 + 0.5 * Math.sin((2 * Math.PI * (t % DAY)) / DAY);
        value += Math.round(baseRps * 60 * share * diurnal * (0.8 + 0.4 * rand()));
        points.push([t / 1000, value]);
      }
      samples += points.length;
      series.push({ name: "http_requests", type: "counter", help: "HTTP requests by service and status code.", labels: { service, code }, samples: points });
    }
  }
  return { series, samples };
}

export function dirBytes(dir: string): { bytes: number; blocks: number } {
  let bytes = 0;
  let blocks = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) {
      if (/^[0-9A-Z]{26}$/.test(name)) blocks++;
      bytes += dirBytes(full).bytes;
    } else bytes += st.size;
  }
  return { bytes, blocks };
}
