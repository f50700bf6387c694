import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import type { Principal } from "@/lib/auth/roles";
import { forecastChartData } from "@/lib/capacity/chart-data";
import type { Crossing } from "@/lib/capacity/crossing";
import type { CapacityResourceDto } from "@/lib/capacity/dto";
import { dayText, percentText, spanText, valueText } from "@/lib/capacity/format";
import { MODEL_LABELS } from "@/lib/capacity/model";
import { forecastResource } from "@/lib/capacity/resource-forecast";
import { CapacityStatusBadge } from "./status-badge";
import { LazyForecastChart } from "./lazy-forecast-chart";

const pct = (v: number | null) => (v === null ? "–" : `${v.toFixed(1)} %`);
const share = (v: number | null) => (v === null ? "–" : percentText(v));

function When({ c, horizonMs }: { c: Crossing; horizonMs: number }) {
  if (c.reachedNow) return <>Reached now</>;
  const range = (a: number | null, b: number | null, label: string) =>
    a === null && b === null ? null : (
      <span className="block text-xs text-muted">
        {label}: {a === null ? "–" : dayText(a)} to {b === null ? `after ${spanText(horizonMs)}` : dayText(b)}
      </span>
    );
  return (
    <>
      {c.median === null ? `Not within ${spanText(horizonMs)}` : `Around ${dayText(c.median)}`}
      {range(c.earliest80, c.latest80, "80 %")}
      {range(c.earliest95, c.latest95, "95 %")}
    </>
  );
}

/** The forecast of one resource: what to do, the figures, the chart, the model and its backtest, and what was done with the data. */
export async function ForecastDetails({ user, resource: r, horizonMs }: { user: Principal; resource: CapacityResourceDto; horizonMs: number }) {
  const rf = await forecastResource(user, r, { horizonMs });
  if (!rf.ok) {
    return (
      <Card title="Forecast">
        <p role="alert" className="text-sm text-warn" data-testid="capacity-problem">
          No forecast: {rf.problem.message}
        </p>
      </Card>
    );
  }
  const f = rf.forecast;
  const u = r.unit;
  const warnLabel = `Warning ${percentText(f.warningLevel)}`;
  const chartLabel = `Forecast of ${r.name}: history and ${spanText(horizonMs)} ahead with 80 % and 95 % bands; ${warnLabel} at ${valueText(f.toWarning.level, u)}, limit ${valueText(f.limit.value, u)}.`;
  return (
    <div className="space-y-4">
      <Card title="Recommendation">
        <p className="flex flex-wrap items-start gap-2 text-sm" data-testid="capacity-recommendation">
          <CapacityStatusBadge status={rf.recommendation.severity} />
          <span>{rf.recommendation.text}</span>
        </p>
      </Card>
      <Card title="Now and ahead">
        <dl className="grid gap-4 text-sm sm:grid-cols-3 lg:grid-cols-5">
          <div>
            <dt className="text-muted">Used now</dt>
            <dd className="text-xl font-semibold">{percentText(f.utilisation)}</dd>
            <dd className="text-xs text-muted">
              {valueText(f.usage.value, u === "bytes" ? u : "")} of {valueText(f.limit.value, u)}
            </dd>
          </div>
          <div>
            <dt className="text-muted">Headroom</dt>
            <dd className="text-xl font-semibold">{valueText(f.headroom.absolute, u)}</dd>
          </div>
          <div>
            <dt className="text-muted">Growth a month</dt>
            <dd className="text-xl font-semibold">
              {f.growthPerMonth.absolute >= 0 ? "+" : "−"}
              {valueText(Math.abs(f.growthPerMonth.absolute), u)}
            </dd>
            <dd className="text-xs text-muted">{percentText(Math.abs(f.growthPerMonth.ofLimit))} of the limit</dd>
          </div>
          <div>
            <dt className="text-muted">{warnLabel} reached</dt>
            <dd data-testid="capacity-warning-at">
              <When c={f.toWarning} horizonMs={horizonMs} />
            </dd>
          </div>
          <div>
            <dt className="text-muted">Limit reached</dt>
            <dd data-testid="capacity-limit-at">
              <When c={f.toLimit} horizonMs={horizonMs} />
            </dd>
          </div>
        </dl>
      </Card>
      <Card title="Forecast chart">
        <LazyForecastChart data={forecastChartData(f)} unit={u} ariaLabel={chartLabel} warningLabel={warnLabel} />
      </Card>
      <Card title="Model and backtest">
        <p className="mb-3 text-sm">
          Chosen: <strong>{f.model.label}</strong>. Each candidate forecast {spanText(f.backtest.horizonMs)} ahead from several past points of this resource’s own history; the lowest error won.
          The bands are calibrated on those misses ({f.intervals.source === "backtest" ? `${f.intervals.points} held-out points` : "too few for calibration: normal errors assumed"}).
        </p>
        {f.backtest.candidates.length > 0 && (
          <Table caption="Backtest of the candidate models" head={["Model", "MAPE", "WAPE", "80 % band held", "95 % band held", "Origins"]}>
            {f.backtest.candidates.map((c) => (
              <tr key={c.model}>
                <td>
                  {MODEL_LABELS[c.model]}
                  {c.model === f.model.id && <span className="ml-2 text-xs font-medium text-ok">chosen</span>}
                </td>
                <td className="tabular-nums">{pct(c.mape)}</td>
                <td className="tabular-nums">{pct(c.wape)}</td>
                <td className="tabular-nums">{share(c.coverage80)}</td>
                <td className="tabular-nums">{share(c.coverage95)}</td>
                <td className="tabular-nums">{c.origins}</td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <Card title="Notes">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {f.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
