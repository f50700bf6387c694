"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { parseMatchers, type CapacityFormValues } from "@/lib/capacity/form";
import { CAPACITY_TEMPLATES, instantiateTemplate, templateById } from "@/lib/capacity/templates";

type Props = {
  /** Values to apply to the form, from the template's queries. */
  onApply: (values: Partial<CapacityFormValues>) => void;
  initialTemplate?: string;
};

/** Picks a template, asks for its few parameters and the label matchers, and fills in the queries. */
export function TemplatePicker({ onApply, initialTemplate = "" }: Props) {
  const [id, setId] = useState(initialTemplate);
  const [params, setParams] = useState<Record<string, string>>({});
  const [matchers, setMatchers] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const t = templateById(id);

  function apply() {
    const parsed = parseMatchers(matchers);
    if ("error" in parsed) {
      setErrors({ matchers: parsed.error });
      setMessage("");
      return;
    }
    const out = instantiateTemplate(id, params, parsed.matchers);
    if (!out.ok) {
      setErrors(out.fields);
      setMessage("");
      return;
    }
    const r = out.resource;
    setErrors({});
    onApply({
      template: r.template,
      name: r.name,
      usageQuery: r.usageQuery,
      limitKind: r.limitQuery ? "query" : "value",
      limitQuery: r.limitQuery ?? "",
      limit: r.limitValue === null ? "" : String(r.limitValue),
      unit: r.unit,
      warningPercent: String(Math.round(r.warningLevel * 100)),
      resolutionSeconds: String(r.resolutionSeconds),
    });
    setMessage(`Filled in from “${t?.title}”. Check the queries below, then save.`);
  }

  return (
    <fieldset className="space-y-3 rounded-lg border border-line p-4">
      <legend className="px-1 text-sm font-semibold">Start from a template</legend>
      <SelectField
        name="templatePicker"
        label="Template"
        value={id}
        onChange={(e) => {
          setId(e.target.value);
          setParams({});
          setErrors({});
          setMessage("");
        }}
        hint={t ? t.description : "Or write the queries yourself below."}
      >
        <option value="">No template</option>
        {CAPACITY_TEMPLATES.map((x) => (
          <option key={x.id} value={x.id}>
            {x.title}
          </option>
        ))}
      </SelectField>
      {t && (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            {t.params.map((p) => (
              <TextField
                key={p.key}
                name={`template-${p.key}`}
                label={p.label}
                value={params[p.key] ?? p.default ?? ""}
                onChange={(e) => setParams((prev) => ({ ...prev, [p.key]: e.target.value }))}
                hint={p.help}
                errors={errors[p.key] ? [errors[p.key]] : undefined}
                inputMode={p.kind === "number" ? "decimal" : undefined}
                spellCheck={false}
                autoCapitalize="off"
              />
            ))}
            <TextField
              name="template-matchers"
              label="Label matchers"
              value={matchers}
              onChange={(e) => setMatchers(e.target.value)}
              placeholder='service="postgres-primary"'
              hint={'Optional: added to every selector to pick one server, e.g. instance="db1:9187".'}
              errors={errors.matchers ? [errors.matchers] : undefined}
              spellCheck={false}
              autoCapitalize="off"
            />
          </div>
          <Button type="button" variant="secondary" onClick={apply}>
            Fill in the queries
          </Button>
        </>
      )}
      <p aria-live="polite" className="text-sm text-ok">
        {message}
      </p>
    </fieldset>
  );
}
