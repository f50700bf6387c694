import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { writeOpenMetricsFile } from "./openmetrics";

describe("writeOpenMetricsFile", () => {
  it("streams counters, gauges and histograms (time-major within a metric) and ends in # EOF", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "keel-om-"));
    try {
      const file = path.join(dir, "h.om");
      const figures = await writeOpenMetricsFile(file, [
        { name: "jobs", type: "counter", help: "Jobs.", timestamps: [60, 120], metrics: [{ labels: { q: 'a"b' }, samples: [{ suffix: "_total", values: [1, 3] }] }] },
        {
          name: "lat",
          type: "histogram",
          timestamps: [60, 120],
          metrics: [
            {
              labels: { service: "x" },
              samples: [
                { suffix: "_bucket", extraLabels: { le: "0.5" }, values: [1, 2] },
                { suffix: "_bucket", extraLabels: { le: "+Inf" }, values: [2, 4] },
                { suffix: "_count", values: [2, 4] },
                { suffix: "_sum", values: [0.75, 1.5] },
              ],
            },
          ],
        },
        { name: "depth", type: "gauge", timestamps: [], metrics: [{ labels: {}, samples: [{ suffix: "", values: [] }] }] },
      ]);
      const text = await readFile(file, "utf8");
      expect(text).toBe(
        [
          "# HELP jobs Jobs.",
          "# TYPE jobs counter",
          'jobs_total{q="a\\"b"} 1 60',
          'jobs_total{q="a\\"b"} 3 120',
          "# TYPE lat histogram",
          'lat_bucket{le="0.5",service="x"} 1 60',
          'lat_bucket{le="+Inf",service="x"} 2 60',
          'lat_count{service="x"} 2 60',
          'lat_sum{service="x"} 0.75 60',
          'lat_bucket{le="0.5",service="x"} 2 120',
          'lat_bucket{le="+Inf",service="x"} 4 120',
          'lat_count{service="x"} 4 120',
          'lat_sum{service="x"} 1.5 120',
          "# TYPE depth gauge",
          "# EOF",
          "",
        ].join("\n"),
      );
      expect(figures).toEqual({ bytes: Buffer.byteLength(text), samples: 10 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses timestamps that do not increase and value arrays of the wrong length", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "keel-om-"));
    try {
      const file = path.join(dir, "h.om");
      await expect(
        writeOpenMetricsFile(file, [{ name: "g", type: "gauge", timestamps: [2, 2], metrics: [{ labels: {}, samples: [{ suffix: "", values: [1, 1] }] }] }]),
      ).rejects.toThrow(/timestamps must increase/);
      await expect(
        writeOpenMetricsFile(file, [{ name: "g", type: "gauge", timestamps: [1, 2], metrics: [{ labels: {}, samples: [{ suffix: "", values: [1] }] }] }]),
      ).rejects.toThrow(/1 values for 2 timestamps/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
