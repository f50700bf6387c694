import { SEVERITIES } from "@/lib/incidents/severity";
import { inputClass } from "@/components/ui/field";

/** Default severity and what happens when every alert resolved: the fields an integration is created and edited with. */
export function IntegrationBasics({ idPrefix, defaults }: { idPrefix: string; defaults: { defaultSeverity: string; onAllResolved: string } }) {
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-severity`} className="block text-sm font-medium">
          Default severity
        </label>
        <select id={`${idPrefix}-severity`} name="defaultSeverity" defaultValue={defaults.defaultSeverity} className={inputClass} aria-describedby={`${idPrefix}-severity-hint`}>
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <p id={`${idPrefix}-severity-hint`} className="text-xs text-muted">
          When no rule decides and the alert has no usable severity label (critical → SEV1, high/error → SEV2, warning → SEV3, info → SEV4).
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-resolved`} className="block text-sm font-medium">
          When every alert has resolved
        </label>
        <select id={`${idPrefix}-resolved`} name="onAllResolved" defaultValue={defaults.onAllResolved} className={inputClass}>
          <option value="monitoring">Move the incident to monitoring</option>
          <option value="resolved">Resolve the incident</option>
        </select>
      </div>
    </>
  );
}
