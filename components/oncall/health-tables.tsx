import type { HealthPersonDto, HealthReport, CompensationReport } from "@/lib/oncall/health-store";
import type { Compliance } from "@/lib/oncall/health-report";
import { SRE_MAX_INCIDENTS_PER_12H, SRE_MAX_ON_CALL_SHARE } from "@/lib/oncall/health";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";

const h = (n: number) => n.toFixed(1);
const pct = (n: number) => `${Math.round(n * 100)} %`;

export function ComplianceText({ c }: { c: Compliance }) {
  if (c.rate === null) return <span className="text-muted">{c.open ? `${c.open} open` : "—"}</span>;
  return (
    <span>
      {pct(c.rate)} <span className="text-xs text-muted">({c.met} of {c.met + c.missed}{c.open ? `, ${c.open} open` : ""})</span>
    </span>
  );
}

function Row({ p }: { p: HealthPersonDto }) {
  return (
    <tr>
      <td>
        <span className="font-medium">{p.name || p.email}</span>
        <span className="block text-xs text-muted">{p.timeZone}</span>
      </td>
      <td>
        {h(p.onCallHours)}
        <span className="block text-xs text-muted">
          {h(p.businessHours)} business · {h(p.offHours)} off · {h(p.nightHours)} night
        </span>
      </td>
      <td>{p.overShareCeiling ? <Badge tone="danger">{pct(p.share)}</Badge> : pct(p.share)}</td>
      <td>
        {p.pages}
        {p.pagesOutsideShifts > 0 && <span className="block text-xs text-muted">+{p.pagesOutsideShifts} off shift</span>}
      </td>
      <td>
        {p.offHoursInterruptions}
        {p.nightInterruptions > 0 && <span className="block text-xs text-muted">{p.nightInterruptions} at night</span>}
      </td>
      <td>
        {p.incidents}
        <span className="block text-xs text-muted">{p.incidentsPer12h.toFixed(2)} per 12 h</span>
      </td>
      <td>{p.blocksOverLimit ? <Badge tone="danger">{`${p.maxIncidentsIn12h} (${p.blocksOverLimit} over)`}</Badge> : p.maxIncidentsIn12h}</td>
      <td>
        <ComplianceText c={p.compliance} />
      </td>
    </tr>
  );
}

/** Per-person health, the team's totals last. */
export function HealthTable({ report }: { report: HealthReport }) {
  const t = report.total;
  return (
    <Table
      caption="On-call health per person"
      head={["Person", "Hours on call", `Share (≤ ${pct(SRE_MAX_ON_CALL_SHARE)})`, "Pages", "Off-hours interruptions", "Incidents", `Busiest 12 h (≤ ${SRE_MAX_INCIDENTS_PER_12H})`, "Acknowledged in target"]}
    >
      {report.people.map((p) => (
        <Row key={p.userId} p={p} />
      ))}
      <tr className="font-medium">
        <td>Team ({t.people})</td>
        <td>{h(t.onCallHours)}</td>
        <td>
          {pct(t.share)} mean{t.peopleOverShareCeiling > 0 && <span className="block text-xs text-danger">{t.peopleOverShareCeiling} over the ceiling</span>}
        </td>
        <td>{t.pages}</td>
        <td>{t.offHoursInterruptions}</td>
        <td>
          {t.incidents}
          <span className="block text-xs text-muted">{t.incidentsPer12h.toFixed(2)} per 12 h</span>
        </td>
        <td>{t.blocksOverLimit ? <span className="text-danger">{t.blocksOverLimit} shifts over</span> : t.maxIncidentsIn12h}</td>
        <td>
          <ComplianceText c={t.compliance} />
        </td>
      </tr>
    </Table>
  );
}

const money = (v: number, currency: string) => `${v.toFixed(2)} ${currency}`;

export function CompensationTable({ report }: { report: CompensationReport }) {
  const c = report.rates.currency;
  const total = report.rows.reduce((a, r) => a + r.total, 0);
  return (
    <Table caption="On-call compensation per person" head={["Person", "Hours on call", "Stipend", "Off-hours response", "Response pay", "SEV1 days off", "Total"]}>
      {report.rows.map((r) => (
        <tr key={r.userId}>
          <td>{r.name || r.email}</td>
          <td>{h(r.onCallHours)}</td>
          <td>{money(r.stipend, c)}</td>
          <td>
            {h(r.responseHoursOutsideBusiness)} h <span className="text-xs text-muted">of {h(r.responseHours)}</span>
          </td>
          <td>{money(r.responsePay, c)}</td>
          <td>{r.daysOff}</td>
          <td className="font-medium">{money(r.total, c)}</td>
        </tr>
      ))}
      <tr className="font-medium">
        <td colSpan={6}>Total</td>
        <td>{money(total, c)}</td>
      </tr>
    </Table>
  );
}
