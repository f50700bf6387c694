/**
 * Renders a prometheus.yml. The file is written as JSON, which is YAML too, so no value (a path, a
 * target, a token file name) can break out of its field.
 */

export interface ScrapeConfig {
  jobName: string;
  /** host:port */
  targets: string[];
  /** Default /metrics. */
  metricsPath?: string;
  /** Default: the global interval. */
  scrapeInterval?: string;
  /** Sent as `Authorization: Bearer …`; written to a 0600 file next to the config, not into it. */
  bearerToken?: string;
  /** Keep the target's own labels when they clash with job/instance (`honor_labels`). */
  honorLabels?: boolean;
  /**
   * Drop the `job` and `instance` labels from the scraped samples, so they keep exactly the label set
   * of backfilled history (which has neither) and continue the same series.
   */
  dropTargetLabels?: boolean;
}

export interface PrometheusConfigInput {
  /** Default 1m. */
  scrapeInterval?: string;
  /** How often rule groups are evaluated; default: the scrape interval. */
  evaluationInterval?: string;
  /** Rule files to load (`rule_files`), absolute paths. */
  ruleFiles?: string[];
  scrapeConfigs?: ScrapeConfig[];
  /** Alertmanagers (host:port) to send firing alerts to (`alerting.alertmanagers`); default none. */
  alertmanagers?: string[];
  /** Where the token of scrape config i is stored (only for those with a bearerToken). */
  tokenFile: (index: number) => string;
}

export function renderPrometheusConfig(input: PrometheusConfigInput): string {
  const interval = input.scrapeInterval ?? "1m";
  const config = {
    global: { scrape_interval: interval, evaluation_interval: input.evaluationInterval ?? interval },
    ...(input.ruleFiles?.length ? { rule_files: input.ruleFiles } : {}),
    ...(input.alertmanagers?.length ? { alerting: { alertmanagers: [{ static_configs: [{ targets: input.alertmanagers }] }] } } : {}),
    scrape_configs: (input.scrapeConfigs ?? []).map((s, i) => ({
      job_name: s.jobName,
      metrics_path: s.metricsPath ?? "/metrics",
      ...(s.scrapeInterval ? { scrape_interval: s.scrapeInterval, scrape_timeout: s.scrapeInterval } : {}),
      ...(s.honorLabels ? { honor_labels: true } : {}),
      ...(s.bearerToken ? { authorization: { type: "Bearer", credentials_file: input.tokenFile(i) } } : {}),
      static_configs: [{ targets: s.targets }],
      ...(s.dropTargetLabels ? { metric_relabel_configs: [{ action: "labeldrop", regex: "job|instance" }] } : {}),
    })),
  };
  return JSON.stringify(config, null, 2) + "\n";
}
