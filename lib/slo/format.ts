/** How SLO numbers read in Keel: percentages with enough nines, durations in words. Pure. */

/** 0.99912 → "99.912 %": enough decimals to tell nines apart, never rounded up to 100 %. */
export function percent(ratio: number, decimals = 3): string {
  const p = ratio * 100;
  const factor = 10 ** decimals;
  const floored = Math.floor(p * factor) / factor;
  return `${floored.toFixed(decimals).replace(/\.?0+$/, "")} %`;
}

/** A target: 0.999 → "99.9 %". */
export function targetText(target: number): string {
  return `${Number((target * 100).toFixed(6))} %`;
}

/** 43.2 minutes → "43 min 12 s"; days for long spans. */
export function durationText(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? "−" : "";
  if (abs < 60_000) return `${sign}${Math.round(abs / 1000)} s`;
  if (abs < 3_600_000) {
    const m = Math.floor(abs / 60_000);
    const s = Math.round((abs % 60_000) / 1000);
    return `${sign}${m} min${s ? ` ${s} s` : ""}`;
  }
  if (abs < 2 * 86_400_000) {
    const h = Math.floor(abs / 3_600_000);
    const m = Math.round((abs % 3_600_000) / 60_000);
    return `${sign}${h} h${m ? ` ${m} min` : ""}`;
  }
  return `${sign}${(abs / 86_400_000).toFixed(1)} days`;
}

export function burnText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return "–";
  return `${rate < 10 ? rate.toFixed(2) : rate.toFixed(1)}×`;
}
