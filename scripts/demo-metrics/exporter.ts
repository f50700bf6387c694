import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { escapeOpenMetrics } from "@/scripts/prometheus/openmetrics";
import { demoLayout, valuesAt, type CounterState, type DemoValues } from "./generator";

/**
 * The demo's live metrics: a loopback HTTP server answering GET /metrics in the Prometheus text
 * format 0.0.4 (no timestamps) with the current values of the same series the backfill wrote,
 * computed by the same model and continuing the backfill's counters (no reset, no jump).
 */

const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

interface Line {
  prefix: string;
  slot: { kind: "counter" | "gauge"; index: number };
}

// Families and the start of every line, worked out once.
const blocks: { header: string; lines: Line[] }[] = demoLayout.families.map((f) => {
  // In 0.0.4 a counter's TYPE line names the sample (`http_requests_total`), not the family.
  const typeName = f.type === "counter" ? `${f.name}_total` : f.name;
  const help = f.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
  const lines: Line[] = [];
  for (const m of f.metrics) {
    for (const s of m.samples) {
      const labels = { ...m.labels, ...s.extraLabels };
      const text = Object.keys(labels)
        .sort()
        .map((k) => `${k}="${escapeOpenMetrics(labels[k as keyof typeof labels])}"`)
        .join(",");
      lines.push({ prefix: `${f.name}${s.suffix}{${text}} `, slot: s.slot });
    }
  }
  return { header: `# HELP ${typeName} ${help}\n# TYPE ${typeName} ${f.type}\n`, lines };
});

export function renderExposition(values: DemoValues): string {
  let out = "";
  for (const b of blocks) {
    out += b.header;
    for (const l of b.lines) out += `${l.prefix}${l.slot.kind === "counter" ? values.counters[l.slot.index] : values.gauges[l.slot.index]}\n`;
  }
  return out;
}

export interface DemoExporter {
  /** e.g. http://127.0.0.1:41234 ; metrics at `${url}/metrics` */
  url: string;
  /** host:port, for a scrape config. */
  target: string;
  close(): Promise<void>;
}

/**
 * Serves the values at the time of each request, from `state` onwards (advancing it). `now` (ms) is
 * for tests; time never goes back for the exporter even if the clock does.
 */
export async function startDemoExporter(state: CounterState, opts: { port?: number; now?: () => number } = {}): Promise<DemoExporter> {
  const now = opts.now ?? Date.now;
  let last = state.tick * 60;
  const server = createServer((req, res) => {
    const pathname = (req.url ?? "/").split("?")[0];
    if (pathname !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Try /metrics\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    last = Math.max(last, now() / 1000);
    const body = renderExposition(valuesAt(state, last));
    res.writeHead(200, { "content-type": CONTENT_TYPE, "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    target: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
