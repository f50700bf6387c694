import type { ChartUnit } from "@/components/charts/format";

/** A resource's unit as the chart formatters name it ("bytes" in binary multiples, "req/s" as a rate). */
export const chartUnit = (unit: string): ChartUnit => (unit === "bytes" ? "bytes" : unit === "req/s" ? "reqps" : unit || "short");
