"use client";

import type { ReactNode } from "react";
import { LazyPromqlEditor } from "@/components/promql/lazy-promql-editor";
import { describedByIds, FieldNotes, SelectField, TextField } from "@/components/ui/field";
import { ChoiceGroup } from "@/components/ui/choice-group";
import type { FieldErrors } from "@/lib/errors";
import type { SloFormValues } from "@/lib/slo/form";

type Setter = <K extends keyof SloFormValues>(key: K, value: string) => void;

/** A PromQL editor with a visible caption, hint and error (the editor takes aria-label, not <label>). */
function QueryField({ name, label, value, onChange, datasourceId, hint, errors }: { name: string; label: string; value: string; onChange: (q: string) => void; datasourceId: string; hint?: ReactNode; errors?: string[] }) {
  const describedBy = describedByIds(name, hint, errors);
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium" aria-hidden="true">
        {label}
      </p>
      <LazyPromqlEditor name={name} value={value} onChange={onChange} datasourceId={datasourceId} ariaLabel={label} ariaDescribedBy={describedBy} invalid={!!errors?.length} minLines={2} />
      <FieldNotes name={name} hint={hint} errors={errors} />
    </div>
  );
}

/** The SLI part of the SLO form: ratio (bad or good events over total) or latency (histogram). */
export function SliFields({ values: v, set, errors: e, datasourceId }: { values: SloFormValues; set: Setter; errors: FieldErrors; datasourceId: string }) {
  const mode = v.ratioMode === "good" ? "good" : "bad";
  const eventsLabel = mode === "good" ? "Good events query" : "Bad events query";
  const example = mode === "good" ? 'code!~"5.."' : 'code=~"5.."';
  return (
    <fieldset className="space-y-4 rounded-lg border border-line p-4">
      <legend className="px-1 text-sm font-semibold">Service level indicator</legend>
      <ChoiceGroup
        name="sliKind"
        legend="Kind"
        value={v.sliKind}
        onChange={(x) => set("sliKind", x)}
        errors={e.sliKind}
        options={[
          { value: "ratio", label: "Ratio of events (availability, errors)" },
          { value: "latency", label: "Latency (histogram threshold)" },
          { value: "incidents", label: "Incidents (time outside incidents; no Prometheus needed)" },
        ]}
      />
      {v.sliKind === "incidents" ? (
        <SelectField
          name="minSeverity"
          label="Incidents that count"
          value={v.minSeverity}
          onChange={(ev) => set("minSeverity", ev.target.value)}
          errors={e.minSeverity}
          hint="Time from an incident's start until it was mitigated (or resolved) is bad time for this service."
        >
          <option value="1">SEV1 only</option>
          <option value="2">SEV2 and above</option>
          <option value="3">SEV3 and above</option>
          <option value="4">Any severity</option>
        </SelectField>
      ) : v.sliKind === "latency" ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField name="metric" label="Histogram metric" value={v.metric} onChange={(ev) => set("metric", ev.target.value)} errors={e.metric} placeholder="http_request_duration_seconds" hint="The base name: Keel reads its _bucket and _count series." spellCheck={false} autoCapitalize="off" />
          <TextField name="selector" label="Selector" value={v.selector} onChange={(ev) => set("selector", ev.target.value)} errors={e.selector} placeholder='{service="checkout-api"}' hint="Label matchers in braces; optional." spellCheck={false} autoCapitalize="off" />
          <TextField name="thresholdSeconds" label="Threshold (seconds)" inputMode="decimal" value={v.thresholdSeconds} onChange={(ev) => set("thresholdSeconds", ev.target.value)} errors={e.thresholdSeconds} placeholder="0.3" hint="Requests at or under it are good; pick one of the histogram's bucket bounds." />
        </div>
      ) : (
        <>
          <ChoiceGroup
            name="ratioMode"
            legend="The events query counts"
            value={mode}
            onChange={(x) => set("ratioMode", x)}
            options={[
              { value: "bad", label: "Bad events (errors)" },
              { value: "good", label: "Good events (successes)" },
            ]}
          />
          <QueryField
            name="eventsQuery"
            label={eventsLabel}
            value={v.eventsQuery}
            onChange={(q) => set("eventsQuery", q)}
            datasourceId={datasourceId}
            errors={e.eventsQuery}
            hint={
              <>
                Use <code>[$window]</code> where the range goes, or give a plain counter selector such as <code>{`http_requests_total{service="checkout-api",${example}}`}</code>.
              </>
            }
          />
          <QueryField
            name="totalQuery"
            label="Total events query"
            value={v.totalQuery}
            onChange={(q) => set("totalQuery", q)}
            datasourceId={datasourceId}
            errors={e.totalQuery}
            hint={
              <>
                All events, e.g. <code>{'sum(rate(http_requests_total{service="checkout-api"}[$window]))'}</code>.
              </>
            }
          />
        </>
      )}
    </fieldset>
  );
}
