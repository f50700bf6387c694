import { describe, it, expect } from "vitest";
import { startDemoExporter } from "./exporter";
import { demoLayout, GAUGES, generateDemoHistory, valuesAt } from "./generator";

const END = Date.UTC(2025, 2, 12, 9, 37) / 1000;

describe("demo exporter", () => {
  it("serves the text format 0.0.4 with the values at the request's time, never going back", async () => {
    const h = generateDemoHistory({ end: END, days: 1 });
    let nowMs = (END + 90.5) * 1000;
    const exporter = await startDemoExporter(h.state.clone(), { now: () => nowMs });
    try {
      const res = await fetch(`${exporter.url}/metrics`);
      expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
      const text = await res.text();
      const lines = text.trimEnd().split("\n");
      expect(lines).toContain("# TYPE http_requests_total counter");
      expect(lines).toContain("# TYPE http_request_duration_seconds histogram");
      const samples = lines.filter((l) => !l.startsWith("#"));
      expect(samples).toHaveLength(demoLayout.counterCount + GAUGES.length);
      for (const l of samples) expect(l).toMatch(/^[a-z_]+\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\} [0-9.e+]+$/);

      const expected = valuesAt(h.state.clone(), END + 90.5);
      const slot = demoLayout.requestSlot("checkout-api", "503");
      expect(samples).toContain(`http_requests_total{code="503",service="checkout-api"} ${expected.counters[slot]}`);
      expect(samples).toContain(`pg_settings_max_connections{service="postgres-primary"} 200`);
      expect(samples.filter((l) => l.startsWith("http_request_duration_seconds_bucket{le=\"+Inf\""))).toHaveLength(11);

      // A clock that goes back gets the same values again, not smaller ones.
      nowMs -= 30_000;
      const again = (await (await fetch(`${exporter.url}/metrics`)).text()).trimEnd().split("\n").filter((l) => !l.startsWith("#"));
      expect(again).toEqual(samples);

      expect((await fetch(`${exporter.url}/other`)).status).toBe(404);
    } finally {
      await exporter.close();
    }
  });
});
