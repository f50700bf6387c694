import type { CoverageDto } from "@/lib/oncall/oncall-queries";
import { formatRange } from "@/lib/oncall/format";

const names = (c: CoverageDto) => c.users.map((u) => u.name).join(", ");

function text(c: CoverageDto): string {
  if (c.kind === "gap") return "Nobody on call";
  if (c.kind === "double-booked") return `${names(c)} is on ${c.layers.join(" and ")} at once`;
  return `Only ${names(c)} on call: no backup`;
}

/** Coverage warnings for the next 30 days, times on the schedule's clock. */
export function CoverageList({ items, timeZone, max = 5 }: { items: CoverageDto[]; timeZone: string; max?: number }) {
  if (!items.length) return <p className="text-sm text-ok">Covered for the next 30 days.</p>;
  return (
    <div className="text-sm">
      <p className="font-medium text-warn">
        {items.length} coverage warning{items.length === 1 ? "" : "s"} in the next 30 days
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {items.slice(0, max).map((c) => (
          <li key={`${c.kind}-${c.start}-${names(c)}`}>
            {text(c)}: {formatRange(Date.parse(c.start), Date.parse(c.end), timeZone)}
          </li>
        ))}
        {items.length > max && <li className="text-muted">and {items.length - max} more</li>}
      </ul>
    </div>
  );
}
