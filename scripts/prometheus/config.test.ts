import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, it, expect } from "vitest";
import { requirePrometheus } from "@/test/fixtures/prometheus";
import { renderPrometheusConfig } from "./config";

const prom = requirePrometheus();

describe("renderPrometheusConfig", () => {
  const render = (dir: string) =>
    renderPrometheusConfig({
      scrapeInterval: "1s",
      tokenFile: (i) => path.join(dir, `token-${i}`),
      scrapeConfigs: [
        { jobName: "demo", targets: ["127.0.0.1:9000"], honorLabels: true, dropTargetLabels: true },
        { jobName: "keel", targets: ["127.0.0.1:3000"], metricsPath: "/api/metrics", scrapeInterval: "5s", bearerToken: "s3cret" },
      ],
      alertmanagers: ["127.0.0.1:9093"],
    });

  it("keeps the token out of the file, pointing to a credentials file instead", () => {
    const text = render("/x");
    expect(text).not.toContain("s3cret");
    const config = JSON.parse(text);
    expect(config.scrape_configs[1]).toMatchObject({ metrics_path: "/api/metrics", authorization: { type: "Bearer", credentials_file: "/x/token-1" } });
    expect(config.scrape_configs[0]).toMatchObject({ honor_labels: true, metric_relabel_configs: [{ action: "labeldrop", regex: "job|instance" }] });
    expect(config.scrape_configs[0].authorization).toBeUndefined();
  });

  it("sends alerts to the given Alertmanagers only when there are some", () => {
    expect(JSON.parse(render("/x")).alerting).toEqual({ alertmanagers: [{ static_configs: [{ targets: ["127.0.0.1:9093"] }] }] });
    expect(JSON.parse(renderPrometheusConfig({ tokenFile: () => "" }))).not.toHaveProperty("alerting");
  });

  it.skipIf(!prom.path)("is a configuration promtool accepts", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "keel-promcfg-"));
    try {
      await writeFile(path.join(dir, "token-1"), "s3cret");
      await writeFile(path.join(dir, "prometheus.yml"), render(dir));
      const { stdout } = await promisify(execFile)(prom.promtoolPath!, ["check", "config", path.join(dir, "prometheus.yml")]);
      expect(stdout).toMatch(/SUCCESS/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
