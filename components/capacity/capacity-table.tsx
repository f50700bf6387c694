import Link from "next/link";
import { Table } from "@/components/ui/table";
import { percentText, valueText } from "@/lib/capacity/format";
import type { ModelId } from "@/lib/capacity/model";
import { whenText } from "@/lib/capacity/report";
import type { CapacitySummary } from "@/lib/capacity/summary";
import { CapacityStatusBadge } from "./status-badge";

export const MODEL_SHORT: Record<ModelId, string> = { linear: "Linear trend", "seasonal-daily": "Seasonal (daily)", "seasonal-weekly": "Seasonal (weekly)" };

/** Every resource, most urgent first: used now, when it reaches its warning level and its limit, the model, what to do. */
export function CapacityTable({ items, horizonMs, showService = true }: { items: CapacitySummary[]; horizonMs: number; showService?: boolean }) {
  const head = ["Resource", ...(showService ? ["Service"] : []), "Used now", "Warning level", "Limit", "Model", "Status"];
  return (
    <Table caption="Capacity resources, most urgent first" head={head}>
      {items.map((s) => {
        const r = s.resource;
        return (
          <tr key={r.id} className="align-top">
            <td className="max-w-md">
              <Link href={`/capacity/${r.id}`} className="font-medium text-link hover:underline">
                {r.name}
              </Link>
              <p className={`mt-0.5 text-xs ${s.problem ? "text-warn" : "text-muted"}`}>{s.problem ?? s.recommendation}</p>
            </td>
            {showService && (
              <td>
                <Link href={`/services/${r.service}`} className="hover:underline">
                  {r.serviceName}
                </Link>
              </td>
            )}
            <td className="whitespace-nowrap tabular-nums">
              {s.utilisation === null ? (
                "–"
              ) : (
                <>
                  <span className="font-medium">{percentText(s.utilisation)}</span>
                  <span className="block text-xs text-muted">
                    {valueText(s.usage!, r.unit === "bytes" ? "bytes" : "")} of {valueText(s.limit!, r.unit)}
                  </span>
                </>
              )}
            </td>
            <td className="text-xs">
              <span className="sr-only">{percentText(r.warningLevel)} of the limit: </span>
              {whenText(s.toWarning, horizonMs)}
            </td>
            <td className="text-xs">{whenText(s.toLimit, horizonMs)}</td>
            <td className="text-xs">
              {s.model ? MODEL_SHORT[s.model] : "–"}
              {s.mape !== null && <span className="block text-muted">MAPE {s.mape.toFixed(1)} %</span>}
            </td>
            <td>
              <CapacityStatusBadge status={s.status} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
