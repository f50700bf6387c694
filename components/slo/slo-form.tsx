"use client";

import { startTransition, useActionState, useRef, useState } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";
import { saveSloAction } from "@/lib/slo/actions";
import { percentToRatio, suggestSlug, type SloFormValues } from "@/lib/slo/form";
import { SliFields } from "./sli-fields";
import { SliPreview } from "./sli-preview";
import { WindowFields } from "./window-fields";

type Props = {
  initial: SloFormValues;
  /** Set when editing: the SLO and the version it was loaded at (a stale save is refused). */
  id?: string;
  version?: number;
  services: { slug: string; name: string }[];
  datasources: { id: string; name: string; isDefault: boolean }[];
  cancelHref: string;
};

export function SloForm({ initial, id, version, services, datasources, cancelHref }: Props) {
  const [state, save, saving] = useActionState(saveSloAction, {} as FormState);
  const form = useRef<HTMLFormElement>(null);
  // Every control is controlled and the form is submitted by hand, so a failed save keeps it all.
  const [v, setValues] = useState(initial);
  const [slugEdited, setSlugEdited] = useState(initial.slug !== "");
  const set = <K extends keyof SloFormValues>(key: K, value: string) => setValues((prev) => ({ ...prev, [key]: value }));
  const bind = (key: keyof SloFormValues) => ({
    value: v[key],
    onChange: (ev: { target: { value: string } }) => set(key, ev.target.value),
  });
  const e = state.fieldErrors ?? {};
  const defaultDs = datasources.find((d) => d.isDefault);
  const target = percentToRatio(v.target, "target");

  return (
    <form
      ref={form}
      className="space-y-5"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        if (!form.current) return;
        const data = new FormData(form.current);
        startTransition(() => save(data));
      }}
    >
      {id && <input type="hidden" name="id" value={id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="service" label="Service" required {...bind("service")} errors={e.service}>
          <option value="">Choose a service…</option>
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField name="owner" label="Owner" {...bind("owner")} errors={e.owner} placeholder="payments-team" hint="Who answers for this SLO: a team or a person." />
        <TextField
          name="name"
          label="Name"
          required
          value={v.name}
          onChange={(ev) => {
            const name = ev.target.value;
            setValues((prev) => ({ ...prev, name, slug: slugEdited ? prev.slug : suggestSlug(name) }));
          }}
          errors={e.name}
          placeholder="Checkout availability"
        />
        <TextField
          name="slug"
          label="Slug"
          required
          value={v.slug}
          onChange={(ev) => {
            setSlugEdited(ev.target.value !== "");
            set("slug", ev.target.value);
          }}
          errors={e.slug}
          hint="Lowercase letters, digits and hyphens; used in rule names and exports."
          spellCheck={false}
          autoCapitalize="off"
        />
      </div>
      <TextArea name="description" label="Description" rows={2} {...bind("description")} errors={e.description} />
      <SelectField name="datasourceId" label="Data source" {...bind("datasourceId")} errors={e.datasourceId} hint="Where the SLI queries run.">
        <option value="">Default data source{defaultDs ? ` (${defaultDs.name})` : ""}</option>
        {datasources.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <SliFields values={v} set={set} errors={e} datasourceId={v.datasourceId || "default"} />
      <SliPreview datasourceId={v.datasourceId || "default"} values={v} target={target && "ratio" in target ? target.ratio : null} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="target" label="Target (%)" required inputMode="decimal" {...bind("target")} errors={e.target} hint="The share of good events (or slices) to meet, e.g. 99.9." />
        <TextField name="slaTarget" label="SLA target (%)" inputMode="decimal" {...bind("slaTarget")} errors={e.slaTarget} hint="Optional: a more lenient contractual target tracked beside it, e.g. 99.5." />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Alert levels (optional)</legend>
        <p className="text-xs text-muted">SLI levels drawn on the charts, highest first, e.g. warning 99.95, critical 99.9, page 99.5.</p>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField name="warningLevel" label="Warning (%)" inputMode="decimal" {...bind("warningLevel")} errors={e.warningLevel} />
          <TextField name="criticalLevel" label="Critical (%)" inputMode="decimal" {...bind("criticalLevel")} errors={e.criticalLevel} />
          <TextField name="pageLevel" label="Page (%)" inputMode="decimal" {...bind("pageLevel")} errors={e.pageLevel} />
        </div>
      </fieldset>
      <WindowFields values={v} set={set} errors={e} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="reviewEveryDays" label="Review every (days)" inputMode="numeric" {...bind("reviewEveryDays")} errors={e.reviewEveryDays} hint="How often the owner should check that the SLO still fits." />
        <TextArea name="labels" label="Labels" rows={3} {...bind("labels")} errors={e.labels} hint="One key=value per line, e.g. env=prod." spellCheck={false} />
      </div>
      <FormMessage state={state} />
      <div className="flex gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : id ? "Save changes" : "Create SLO"}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
