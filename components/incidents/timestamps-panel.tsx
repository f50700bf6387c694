import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { IncidentDto, IncidentTimestamps } from "@/lib/incidents/dto";
import { EDITABLE_TIMESTAMPS } from "@/lib/incidents/schemas";
import { editTimestampAction } from "@/lib/incidents/actions";
import { IncidentForm } from "./keep-form";
import { fullStamp } from "./format";

const labels: Record<keyof IncidentTimestamps, string> = {
  started: "Started",
  detected: "Detected",
  acknowledged: "Acknowledged",
  mitigated: "Mitigated",
  resolved: "Resolved",
  closed: "Closed",
};

/** The incident's recorded times; responders back-fill one with a reason (it lands in the timeline). */
export function TimestampsPanel({ incident, canEdit }: { incident: IncidentDto; canEdit: boolean }) {
  const t = incident.timestamps;
  const editable = EDITABLE_TIMESTAMPS.filter((f) => t[f]);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {(Object.keys(labels) as (keyof IncidentTimestamps)[]).map((k) => (
          <div key={k} className="contents">
            <dt className="text-muted">{labels[k]}</dt>
            <dd>{t[k] ? <time dateTime={t[k]!}>{fullStamp(t[k]!)}</time> : <span className="text-muted">Not yet</span>}</dd>
          </div>
        ))}
      </dl>
      {canEdit && (
        <details className="rounded-md border border-line p-2">
          <summary className="cursor-pointer text-sm font-medium">Correct a time</summary>
          <IncidentForm action={editTimestampAction} label="Correct a time" className="mt-3 space-y-2" resetOnSuccess>
            <input type="hidden" name="incident" value={incident.id} />
            <label htmlFor="stamp-field" className="block text-sm font-medium">
              Which time
            </label>
            <select id="stamp-field" name="field" className={inputClass}>
              {editable.map((f) => (
                <option key={f} value={f}>
                  {labels[f]}
                </option>
              ))}
            </select>
            <label htmlFor="stamp-at" className="block text-sm font-medium">
              Corrected time (UTC)
            </label>
            <input id="stamp-at" name="at" type="datetime-local" step={1} className={inputClass} />
            <label htmlFor="stamp-reason" className="block text-sm font-medium">
              Reason
            </label>
            <input id="stamp-reason" name="reason" maxLength={500} placeholder="e.g. the dashboards show errors from 14:02" className={inputClass} />
            <Button type="submit" variant="secondary" className="py-1">
              Correct time
            </Button>
          </IncidentForm>
        </details>
      )}
    </div>
  );
}
