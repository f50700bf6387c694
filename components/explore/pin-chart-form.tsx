"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";
import { pinChartAction } from "@/lib/service-charts/actions";

type Props = { query: string; legend: string; datasourceId: string; services: { slug: string; name: string }[] };

/** "Pin to a service": saves the query as a chart on the service's page. */
export function PinChartForm({ query, legend, datasourceId, services }: Props) {
  const [state, action, pending] = useActionState(pinChartAction, {} as FormState);
  const e = state.fieldErrors ?? {};
  return (
    <details className="rounded-md border border-line p-3">
      <summary className="cursor-pointer text-sm font-medium">Pin to a service&apos;s dashboard</summary>
      <form action={action} className="mt-2 grid gap-3 sm:grid-cols-2" noValidate>
        <input type="hidden" name="query" value={query} />
        <input type="hidden" name="legend" value={legend} />
        <input type="hidden" name="datasourceId" value={datasourceId === "default" ? "" : datasourceId} />
        <SelectField name="service" label="Service" errors={e.service}>
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField name="title" label="Chart title" errors={e.title} placeholder="Checkout traffic" />
        <SelectField name="unit" label="Unit" errors={e.unit} defaultValue="short">
          <option value="short">Number</option>
          <option value="reqps">Requests per second</option>
          <option value="ratio">Ratio (0–1 shown as %)</option>
          <option value="percent">Percent (0–100)</option>
          <option value="seconds">Seconds</option>
          <option value="bytes">Bytes</option>
        </SelectField>
        <div className="flex items-end gap-3">
          <Button type="submit" disabled={pending || !query}>
            Pin chart
          </Button>
        </div>
        <div className="sm:col-span-2">
          <FormMessage state={state} />
          {e.query && <p className="text-sm text-danger">{e.query.join(" ")}</p>}
        </div>
      </form>
    </details>
  );
}
