"use client";

import { startTransition, useActionState, useRef, useState } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";
import { saveDatasourceAction, testDatasourceFormAction } from "@/lib/datasources/actions";
import { HeaderRows } from "./header-rows";

export type DatasourceFormInitial = {
  id?: string;
  version?: number;
  name: string;
  kind: string;
  url: string;
  authType: "none" | "basic" | "bearer";
  username: string;
  hasSecret: boolean;
  headers: string[];
  timeoutSeconds: number;
  scrapeIntervalSeconds: number;
  isDefault: boolean;
};

export function DatasourceForm({ initial }: { initial: DatasourceFormInitial }) {
  const [state, save, saving] = useActionState(saveDatasourceAction, {} as FormState);
  const [test, runTest, testing] = useActionState(testDatasourceFormAction, {} as FormState);
  const form = useRef<HTMLFormElement>(null);
  // Submitted by hand (not through the form's action prop) so React does not reset the form:
  // nothing typed, secrets included, is lost when a save or a test fails.
  const submit = (action: (f: FormData) => void) => {
    if (form.current) {
      const data = new FormData(form.current);
      startTransition(() => action(data));
    }
  };
  const e = { ...(test.fieldErrors ?? {}), ...(state.fieldErrors ?? {}) };
  const [authType, setAuthType] = useState(initial.authType);
  const secretHint = initial.hasSecret && authType === initial.authType ? "Stored; leave blank to keep it." : undefined;
  return (
    <form
      ref={form}
      className="space-y-4"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        submit(save);
      }}
    >
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label="Name" defaultValue={initial.name} errors={e.name} required placeholder="Production Prometheus" />
        <SelectField name="kind" label="Kind" defaultValue={initial.kind} errors={e.kind} hint="All are queried through the Prometheus HTTP API.">
          <option value="prometheus">Prometheus</option>
          <option value="thanos">Thanos</option>
          <option value="mimir">Grafana Mimir</option>
          <option value="victoriametrics">VictoriaMetrics</option>
        </SelectField>
        <div className="sm:col-span-2">
          <TextField
            name="url"
            label="Base URL"
            defaultValue={initial.url}
            errors={e.url}
            required
            placeholder="http://prometheus:9090"
            hint="Keel appends /api/v1/…; for Mimir include the prefix, e.g. https://mimir.example/prometheus."
          />
        </div>
        <SelectField name="authType" label="Authentication" value={authType} onChange={(ev) => setAuthType(ev.target.value as typeof authType)} errors={e.type}>
          <option value="none">None</option>
          <option value="basic">Basic (user and password)</option>
          <option value="bearer">Bearer token</option>
        </SelectField>
        {authType === "basic" && (
          <>
            <TextField name="username" label="User name" defaultValue={initial.username} errors={e.username} autoComplete="off" />
            <TextField name="password" label="Password" type="password" errors={e.password} autoComplete="new-password" hint={secretHint} />
          </>
        )}
        {authType === "bearer" && <TextField name="token" label="Token" type="password" errors={e.token} autoComplete="off" hint={secretHint} />}
        <TextField name="timeoutSeconds" label="Query time-out (seconds)" type="number" min={1} max={300} defaultValue={initial.timeoutSeconds} errors={e.timeoutSeconds} />
        <TextField
          name="scrapeIntervalSeconds"
          label="Scrape interval (seconds)"
          type="number"
          min={1}
          max={3600}
          defaultValue={initial.scrapeIntervalSeconds}
          errors={e.scrapeIntervalSeconds}
          hint="Charts never ask for points closer together than this."
        />
      </div>
      <HeaderRows initial={initial.headers} errors={e.headers} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isDefault" defaultChecked={initial.isDefault} />
        Default data source (used by charts and SLOs that name none)
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={saving}>
          {initial.id ? "Save changes" : "Add data source"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => submit(runTest)} disabled={testing}>
          {testing ? "Testing…" : "Test connection"}
        </Button>
        <Link href="/settings/datasources" className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
      <FormMessage state={state} />
      <div data-testid="connection-test">
        <FormMessage state={test} />
      </div>
    </form>
  );
}
