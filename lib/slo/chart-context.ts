import "server-only";
import type { ChartRegion } from "@/components/charts/time-series-chart";
import { excludedIntervals } from "./excluded";
import { defaultPolicy, type Policy } from "./policy";
import { policiesForServices } from "./policy-store";
import type { SloDto } from "./queries";

const DAY = 86_400_000;

/**
 * What the SLO page's charts draw besides the data: the service's policy thresholds, and the
 * maintenance windows and corrections of the last 90 days (and the next day), shaded.
 */
export async function sloChartContext(slo: SloDto, now = Date.now()): Promise<{ policy: Policy; overridden: boolean; regions: ChartRegion[] }> {
  const [policies, excluded] = await Promise.all([policiesForServices([slo.serviceId]), excludedIntervals(slo.id, now - 90 * DAY, now + DAY)]);
  return {
    policy: policies.get(slo.serviceId)?.policy ?? defaultPolicy,
    overridden: policies.get(slo.serviceId)?.overridden ?? false,
    regions: excluded.map((i) => ({ from: i.startMs, to: i.endMs, label: "excluded", tone: "muted" })),
  };
}
