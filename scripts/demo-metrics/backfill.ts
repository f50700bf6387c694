import { rm } from "node:fs/promises";
import path from "node:path";
import { writeOpenMetricsFile } from "@/scripts/prometheus/openmetrics";
import { BACKFILL_BLOCK_MS, backfillOpenMetrics } from "@/scripts/prometheus/runner";
import { historyFamilies, type DemoHistory } from "./generator";

export interface BackfillFigures {
  series: number;
  samples: number;
  /** OpenMetrics text written, all parts. */
  bytes: number;
  parts: number;
  /** Until the last part was written / until the last promtool finished. */
  writeMs: number;
  totalMs: number;
}

/**
 * Writes the history as OpenMetrics and backfills it into `dataDir`, one file per promtool block
 * range (BACKFILL_BLOCK_MS): each file is parsed twice instead of the whole text once per range, and
 * promtool works on one part while the next is being written. Newest (largest) part first.
 * The text files go to `workDir` and are deleted as soon as promtool is done with them.
 */
export async function backfillDemoHistory(h: DemoHistory, opts: { promtool: string; dataDir: string; workDir: string }): Promise<BackfillFigures> {
  const t0 = performance.now();
  const ranges: { from: number; to: number }[] = []; // sample indexes [from, to)
  let to = h.timestamps.length;
  while (to > 0) {
    const blockStart = Math.floor((h.timestamps[to - 1] * 1000) / BACKFILL_BLOCK_MS) * BACKFILL_BLOCK_MS;
    let from = to - 1;
    while (from > 0 && h.timestamps[from - 1] * 1000 >= blockStart) from--;
    ranges.push({ from, to });
    to = from;
  }

  const figures: BackfillFigures = { series: 0, samples: 0, bytes: 0, parts: ranges.length, writeMs: 0, totalMs: 0 };
  const running: Promise<void>[] = [];
  try {
    for (const [i, r] of ranges.entries()) {
      const file = path.join(opts.workDir, `history-${i}.om`);
      const families = historyFamilies(h, r.from, r.to);
      figures.series = families.reduce((n, f) => n + f.metrics.reduce((m, x) => m + x.samples.length, 0), 0);
      const { bytes, samples } = await writeOpenMetricsFile(file, families).catch(async (e: unknown) => {
        await rm(file, { force: true });
        throw e;
      });
      figures.bytes += bytes;
      figures.samples += samples;
      running.push(backfillOpenMetrics(opts.promtool, file, opts.dataDir).finally(() => rm(file, { force: true })));
    }
    figures.writeMs = Math.round(performance.now() - t0);
  } finally {
    // Let every started promtool finish (or fail) before reporting, so nothing writes on afterwards.
    const results = await Promise.allSettled(running);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  }
  figures.totalMs = Math.round(performance.now() - t0);
  return figures;
}
