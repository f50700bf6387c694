import { z } from "zod";

export const chartUnits = ["short", "reqps", "ratio", "percent", "seconds", "bytes"] as const;

export const serviceChartInputSchema = z.object({
  service: z.string().trim().min(1, "Choose a service."),
  title: z.string().trim().min(1, "Give the chart a title.").max(100, "Titles are at most 100 characters."),
  query: z.string().trim().min(1, "Enter a PromQL query.").max(5000, "Queries are at most 5000 characters."),
  unit: z.enum(chartUnits, "Unit is one of short, reqps, ratio, percent, seconds, bytes.").default("short"),
  legend: z.string().trim().max(200, "Legends are at most 200 characters.").default(""),
  datasourceId: z.uuid("Choose a data source.").nullish(),
});
export type ServiceChartInput = z.infer<typeof serviceChartInputSchema>;

/** The seed's golden signals for a service, as PromQL over the demo metric names. */
export function goldenSignals(serviceLiteral: string): { title: string; query: string; unit: (typeof chartUnits)[number]; legend: string }[] {
  const sel = `service=${serviceLiteral}`;
  return [
    { title: "Traffic", query: `sum by (code) (rate(http_requests_total{${sel}}[5m]))`, unit: "reqps", legend: "{{code}}" },
    {
      title: "Errors (5xx share)",
      query: `sum(rate(http_requests_total{${sel},code=~"5.."}[5m])) / sum(rate(http_requests_total{${sel}}[5m]))`,
      unit: "ratio",
      legend: "5xx",
    },
    {
      title: "Latency (p50, p99)",
      query: ["0.99", "0.5"]
        .map((q) => `label_replace(histogram_quantile(${q}, sum by (le) (rate(http_request_duration_seconds_bucket{${sel}}[5m]))), "quantile", "p${Number(q) * 100}", "", "")`)
        .join(" or "),
      unit: "seconds",
      legend: "{{quantile}}",
    },
  ];
}
