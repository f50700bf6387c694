import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { periodOrDefault, periodParams } from "@/lib/oncall/health-period";
import { compensationReport, onCallHealthReport } from "@/lib/oncall/health-store";
import { SRE_MAX_INCIDENTS_PER_12H, SRE_MAX_ON_CALL_SHARE } from "@/lib/oncall/health";
import { PageHeader } from "@/components/ui/page-header";
import { Card, EmptyState } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FairnessChart } from "@/components/oncall/fairness-chart";
import { CompensationTable, ComplianceText, HealthTable } from "@/components/oncall/health-tables";
import { RatesForm } from "@/components/oncall/rates-form";

export const metadata: Metadata = { title: "On-call health" };

type Search = { searchParams: Promise<{ from?: string; to?: string; team?: string }> };

/** The reports for the asked period (or the default one, with what was wrong with the asked one). */
async function load(user: Principal, q: { from?: string; to?: string; team?: string }) {
  const { period, fields } = periodOrDefault(q, Date.now());
  const team = q.team || undefined;
  const report = await onCallHealthReport(user, { period, team });
  const pay = hasRole(user.role, "admin") ? await compensationReport(user, { period, team }) : null;
  return { period, fields, team, report, pay };
}

export default async function OnCallHealthPage({ searchParams }: Search) {
  const user = await requirePage();
  const q = await searchParams;
  const { period, fields, team, report, pay } = await load(user, q);
  const shown = periodParams(period);
  const csv = `/api/v1/oncall/compensation.csv?${new URLSearchParams({ ...shown, ...(team ? { team } : {}) })}`;
  const t = report.total;
  return (
    <>
      <PageHeader
        title="On-call health"
        description={`Is the load fair and sustainable? The SRE book's limits: at most ${SRE_MAX_INCIDENTS_PER_12H} incidents per 12-hour shift and at most ${Math.round(SRE_MAX_ON_CALL_SHARE * 100)} % of time on call.`}
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Period and team">
        <label className="text-sm">
          <span className="block font-medium">From</span>
          <input type="date" name="from" defaultValue={q.from ?? shown.from.slice(0, 10)} className={inputClass} aria-invalid={fields?.from ? true : undefined} />
        </label>
        <label className="text-sm">
          <span className="block font-medium">To (included)</span>
          <input type="date" name="to" defaultValue={q.to ?? shown.to.slice(0, 10)} className={inputClass} aria-invalid={fields?.to ? true : undefined} />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Team</span>
          <select name="team" defaultValue={team ?? ""} className={inputClass}>
            <option value="">Everyone on call</option>
            {report.teams.map((x) => (
              <option key={x.slug} value={x.slug}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Show
        </Button>
        {fields && (
          <p role="alert" className="w-full text-sm text-danger">
            {Object.values(fields).flat().join(" ")} Showing the last 28 days instead.
          </p>
        )}
      </form>
      <div className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Card title="Time on call">
            <p className="text-2xl font-semibold">{Math.round(t.share * 100)} %</p>
            <p className="text-xs text-muted">mean share per person; {t.peopleOverShareCeiling} over the 25 % ceiling</p>
          </Card>
          <Card title="Incidents per 12 h on call">
            <p className="text-2xl font-semibold">{t.incidentsPer12h.toFixed(2)}</p>
            <p className="text-xs text-muted">{t.blocksOverLimit} shifts had more than {SRE_MAX_INCIDENTS_PER_12H}</p>
          </Card>
          <Card title="Off-hours interruptions">
            <p className="text-2xl font-semibold">{t.offHoursInterruptions}</p>
            <p className="text-xs text-muted">{t.nightInterruptions} at night, of {t.pages} pages on shift</p>
          </Card>
          <Card title="Acknowledged in target">
            <p className="text-2xl font-semibold">
              <ComplianceText c={t.compliance} />
            </p>
            <p className="text-xs text-muted">the severity&apos;s respond target, from detection</p>
          </Card>
        </div>
        {report.people.length === 0 ? (
          <EmptyState title="Nobody was on call in this period.">Schedules are kept under On-call.</EmptyState>
        ) : (
          <>
            <Card title="Fairness">
              <FairnessChart data={report.people.map((p) => ({ name: p.name || p.email, business: p.businessHours, offHours: p.offHours, night: p.nightHours }))} />
            </Card>
            <HealthTable report={report} />
          </>
        )}
        <p className="text-xs text-muted">
          Hours are in each person&apos;s own time zone: business hours 09:00–17:00 Monday to Friday, nights 22:00–06:00, the rest off-hours. Anyone on call on any layer
          counts (backups too). An incident counts for a person when its escalation paged them, or when it started during their shift on a schedule covering one of its
          services (named in the service&apos;s escalation policy, or owned by the service&apos;s team).
        </p>
        {pay && (
          <Card
            title="Compensation"
            action={
              <Link href={csv} className="text-sm text-link underline" prefetch={false}>
                Download CSV
              </Link>
            }
          >
            <div className="space-y-4">
              <CompensationTable report={pay} />
              <p className="text-xs text-muted">
                Stipend: the weekly stipend pro-rated by hours on call. Response pay: hours responding outside business hours (from the page, or the incident&apos;s start when met
                on shift, until it was mitigated; at most 12 h per incident) × hourly rate × multiplier.
              </p>
              <RatesForm rates={pay.rates} />
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
