"use client";

import { startTransition, useActionState, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import { LazyPromqlEditor } from "@/components/promql/lazy-promql-editor";
import { Button, buttonClass } from "@/components/ui/button";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { describedByIds, FieldNotes, FormMessage, SelectField, TextField } from "@/components/ui/field";
import { saveCapacityAction } from "@/lib/capacity/actions";
import { RESOLUTION_CHOICES, type CapacityFormValues } from "@/lib/capacity/form";
import type { FormState } from "@/lib/forms";
import { TemplatePicker } from "./template-picker";
import { UsagePreview } from "./usage-preview";

type Props = {
  initial: CapacityFormValues;
  /** Set when editing: the resource and the version it was loaded at (a stale save is refused). */
  id?: string;
  version?: number;
  services: { slug: string; name: string }[];
  datasources: { id: string; name: string; isDefault: boolean }[];
  cancelHref: string;
};

/** A PromQL editor with a visible caption, hint and error (the editor takes aria-label, not <label>). */
function QueryField({ name, label, value, onChange, datasourceId, hint, errors }: { name: string; label: string; value: string; onChange: (q: string) => void; datasourceId: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium" aria-hidden="true">
        {label}
      </p>
      <LazyPromqlEditor name={name} value={value} onChange={onChange} datasourceId={datasourceId} ariaLabel={label} ariaDescribedBy={describedByIds(name, hint, errors)} invalid={!!errors?.length} minLines={2} />
      <FieldNotes name={name} hint={hint} errors={errors} />
    </div>
  );
}

export function CapacityForm({ initial, id, version, services, datasources, cancelHref }: Props) {
  const [state, save, saving] = useActionState(saveCapacityAction, {} as FormState);
  const form = useRef<HTMLFormElement>(null);
  // Every control is controlled and the form is submitted by hand, so a failed save keeps it all.
  const [v, setValues] = useState(initial);
  // A template names the resource until the user gives it a name of their own.
  const [nameEdited, setNameEdited] = useState(initial.name !== "");
  const set = <K extends keyof CapacityFormValues>(key: K, value: CapacityFormValues[K]) => setValues((prev) => ({ ...prev, [key]: value }));
  const bind = (key: keyof CapacityFormValues) => ({ value: v[key], onChange: (ev: { target: { value: string } }) => set(key, ev.target.value as never) });
  const e = state.fieldErrors ?? {};
  const ds = v.datasourceId || "default";
  const defaultDs = datasources.find((d) => d.isDefault);
  const limitNumber = v.limitKind === "value" && Number(v.limit) > 0 ? Number(v.limit) : null;

  return (
    <form
      ref={form}
      className="space-y-5"
      noValidate
      aria-label={id ? "Edit capacity resource" : "New capacity resource"}
      onSubmit={(ev) => {
        ev.preventDefault();
        if (!form.current) return;
        const data = new FormData(form.current);
        startTransition(() => save(data));
      }}
    >
      {id && <input type="hidden" name="id" value={id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <input type="hidden" name="template" value={v.template} />
      <TemplatePicker initialTemplate={v.template} onApply={(x) => setValues((prev) => ({ ...prev, ...x, name: nameEdited ? prev.name : (x.name ?? prev.name) }))} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="service" label="Service" required {...bind("service")} errors={e.service}>
          <option value="">Choose a service…</option>
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="name"
          label="Name"
          required
          value={v.name}
          onChange={(ev) => {
            setNameEdited(ev.target.value !== "");
            set("name", ev.target.value);
          }}
          errors={e.name}
          placeholder="Database connections"
        />
      </div>
      <SelectField name="datasourceId" label="Data source" {...bind("datasourceId")} errors={e.datasourceId} hint="Where the usage and limit queries run.">
        <option value="">Default data source{defaultDs ? ` (${defaultDs.name})` : ""}</option>
        {datasources.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <QueryField
        name="usageQuery"
        label="Usage query"
        value={v.usageQuery}
        onChange={(q) => set("usageQuery", q)}
        datasourceId={ds}
        errors={e.usageQuery}
        hint="PromQL for what is used, returning exactly one series, e.g. sum(pg_stat_activity_count)."
      />
      <ChoiceGroup
        name="limitKind"
        legend="Limit"
        value={v.limitKind}
        onChange={(x) => set("limitKind", x === "value" ? "value" : "query")}
        options={[
          { value: "query", label: "From a query" },
          { value: "value", label: "A constant" },
        ]}
      />
      {v.limitKind === "query" ? (
        <QueryField
          name="limitQuery"
          label="Limit query"
          value={v.limitQuery}
          onChange={(q) => set("limitQuery", q)}
          datasourceId={ds}
          errors={e.limitQuery}
          hint="One series in the usage's unit, e.g. max(pg_settings_max_connections). Its latest value counts; changes (a resized disk) are noted."
        />
      ) : (
        <TextField name="limit" label="Limit value" inputMode="decimal" {...bind("limit")} errors={e.limit} hint="A positive number in the usage's unit, e.g. the highest request rate load-tested." />
      )}
      <div className="grid gap-4 sm:grid-cols-4">
        <TextField name="unit" label="Unit" {...bind("unit")} errors={e.unit} placeholder="connections" hint="“bytes” is shown as KiB … TiB." spellCheck={false} />
        <TextField name="warningPercent" label="Warning level (%)" inputMode="decimal" {...bind("warningPercent")} errors={e.warningPercent} hint="Share of the limit, 1–99." />
        <TextField name="lookbackDays" label="Lookback (days)" inputMode="numeric" {...bind("lookbackDays")} errors={e.lookbackDays} hint="History to learn from, 2–400." />
        <SelectField name="resolutionSeconds" label="Resolution" {...bind("resolutionSeconds")} errors={e.resolutionSeconds}>
          {[...RESOLUTION_CHOICES, ...(RESOLUTION_CHOICES.some((r) => String(r.seconds) === v.resolutionSeconds) ? [] : [{ seconds: Number(v.resolutionSeconds), label: `${v.resolutionSeconds} seconds` }])].map((r) => (
            <option key={r.seconds} value={r.seconds}>
              {r.label}
            </option>
          ))}
        </SelectField>
      </div>
      <UsagePreview datasourceId={ds} query={v.usageQuery} unit={v.unit} limit={limitNumber} />
      <FormMessage state={state} />
      <div className="flex gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? "Checking the queries…" : id ? "Save changes" : "Add resource"}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
