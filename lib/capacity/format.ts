/** How capacity figures read in notes and recommendations. Pure (Intl with an explicit time zone). */
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./types";

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, timeZone: string, o: Intl.DateTimeFormatOptions) {
  let f = map.get(timeZone);
  if (!f) map.set(timeZone, (f = new Intl.DateTimeFormat("en-GB", { ...o, timeZone })));
  return f;
}

/** "3 Dec". */
export const dayText = (ms: number, timeZone = "UTC") => cached(dayFormats, timeZone, { day: "numeric", month: "short" }).format(ms);

/** "3 Dec 14:05". */
export const dateTimeText = (ms: number, timeZone = "UTC") =>
  cached(dateTimeFormats, timeZone, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .format(ms)
    .replace(",", "");

/** "23 days", "1 day", "5 h", "40 min" (rounded to the largest unit that fits). */
export function spanText(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= 2 * DAY_MS) return `${Math.round(abs / DAY_MS)} days`;
  if (abs >= DAY_MS) return "1 day";
  if (abs >= HOUR_MS) {
    const h = Math.floor(abs / HOUR_MS);
    const m = Math.round((abs % HOUR_MS) / MINUTE_MS);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  return `${Math.max(1, Math.round(abs / MINUTE_MS))} min`;
}

const number3 = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 3 });
const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

/** 3 significant digits with the unit: bytes in binary multiples ("1.5 TiB"), others as given ("184 connections"). */
export function valueText(v: number, unit: string): string {
  if (unit === "bytes") {
    let x = Math.abs(v);
    let u = 0;
    while (x >= 1024 && u < BYTE_UNITS.length - 1) {
      x /= 1024;
      u++;
    }
    return `${v < 0 ? "−" : ""}${number3.format(x)} ${BYTE_UNITS[u]}`;
  }
  const text = `${v < 0 ? "−" : ""}${number3.format(Math.abs(v))}`;
  return unit ? `${text} ${unit}` : text;
}

/** 0.8 → "80%", 0.8349 → "83.5%". */
export function percentText(ratio: number): string {
  const p = ratio * 100;
  return `${Math.abs(p) >= 10 ? Math.round(p) : Number(p.toFixed(1))}%`;
}
