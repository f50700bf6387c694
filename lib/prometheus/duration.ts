/**
 * Prometheus time parameters: timestamps as RFC 3339 or Unix seconds (fractions allowed), durations
 * as seconds ("30", "0.5") or Prometheus duration text ("1h30m", "5m", "250ms"). Pure.
 */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds, or null when the text is not a positive duration. */
export function parseDurationMs(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  if (/^\d+(\.\d+)?$/.test(t)) {
    const ms = Math.round(Number(t) * 1000);
    return ms > 0 ? ms : null;
  }
  const m = DURATION.exec(t);
  if (!m) return null;
  const units = ["y", "w", "d", "h", "m", "s", "ms"];
  let ms = 0;
  units.forEach((u, i) => {
    if (m[i + 1]) ms += Number(m[i + 1]) * UNIT_MS[u];
  });
  return ms > 0 ? ms : null;
}

/** Milliseconds since the epoch, or null when the text is neither Unix seconds nor RFC 3339. */
export function parseTimeMs(text: string): number | null {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    const ms = Math.round(Number(t) * 1000);
    return Number.isFinite(ms) ? ms : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(t)) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : ms;
}

/** Seconds as Prometheus reads them: "1700000000", "1700000000.5". */
export function toPromSeconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(3);
}

/** "30s", "5m", "1h30m", "2d" — the shortest exact text. */
export function formatDuration(ms: number): string {
  if (ms <= 0) return "0s";
  let rest = ms;
  let out = "";
  for (const u of ["d", "h", "m", "s", "ms"] as const) {
    const n = Math.floor(rest / UNIT_MS[u]);
    if (n > 0) {
      out += `${n}${u}`;
      rest -= n * UNIT_MS[u];
    }
  }
  return out;
}
