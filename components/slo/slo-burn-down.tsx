import type { Principal } from "@/lib/auth/roles";
import type { SloDto } from "@/lib/slo/queries";
import { sloBurnDown } from "@/lib/slo/burndown-data";
import { ChartError } from "@/components/charts/chart-states";
import type { Policy } from "@/lib/slo/policy";
import { BurnDownChart } from "./burn-down-chart";

/** Server part of the burn-down: runs the range queries, then hands the points to the chart. */
export async function SloBurnDown({ user, slo, windowLabel, policy }: { user: Principal; slo: SloDto; windowLabel: string; policy?: Policy }) {
  const data = await sloBurnDown(user, slo);
  if ("problem" in data) return <ChartError error={{ message: data.problem }} height={240} />;
  return <BurnDownChart {...data} policy={policy} title={`Error budget burn-down (${windowLabel})`} />;
}
