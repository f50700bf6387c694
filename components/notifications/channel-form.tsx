"use client";

import { useActionState, useState } from "react";
import { ShownOnce } from "@/components/ui/shown-once";
import { Button } from "@/components/ui/button";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { FieldNotes, FormMessage, SelectField, TextArea, TextField, describedByIds } from "@/components/ui/field";
import { createChannelAction } from "@/lib/notify/actions";
import { ALL_EVENTS, EVENT_LABELS } from "@/lib/notify/event-labels";
import type { FormState } from "@/lib/forms";

type Option = { slug: string; name: string };

/** Adds a notification channel: a webhook URL or email recipients, its scope and the events it wants. */
export function ChannelForm({ services, teams }: { services: Option[]; teams: Option[] }) {
  const [state, action, pending] = useActionState(createChannelAction, {} as FormState);
  const [kind, setKind] = useState("webhook");
  const [events, setEvents] = useState<string[]>(ALL_EVENTS);
  const v = state.ok === false ? (state.values ?? {}) : {};
  const e = state.fieldErrors ?? {};
  const toggle = (ev: string, on: boolean) => setEvents((cur) => (on ? [...cur, ev] : cur.filter((x) => x !== ev)));
  return (
    <div className="space-y-3">
      <form action={action} className="grid gap-3 sm:grid-cols-2" key={JSON.stringify(v)} noValidate>
        <TextField name="name" label="Name" defaultValue={v.name} errors={e.name} placeholder="#incidents on Slack" />
        <ChoiceGroup
          name="kind"
          legend="Kind"
          value={kind}
          onChange={setKind}
          errors={e.kind}
          options={[
            { value: "webhook", label: "Webhook" },
            { value: "email", label: "Email" },
          ]}
        />
        {kind === "webhook" ? (
          <TextField name="url" label="Webhook URL" type="url" defaultValue={v.url} errors={e.url} placeholder="https://hooks.slack.com/services/…" hint="Keel POSTs JSON signed with HMAC-SHA256 (X-Keel-Signature)." />
        ) : (
          <TextArea name="emails" label="Recipients" rows={3} defaultValue={v.emails} errors={e.emails} hint="Email addresses, separated by commas or new lines." />
        )}
        <SelectField name="scope" label="Incidents" defaultValue={v.scope ?? "all"} errors={e.service ?? e.team}>
          <option value="all">Every incident</option>
          {services.length > 0 && (
            <optgroup label="Affecting the service">
              {services.map((s) => (
                <option key={s.slug} value={`service:${s.slug}`}>
                  {s.name} ({s.slug})
                </option>
              ))}
            </optgroup>
          )}
          {teams.length > 0 && (
            <optgroup label="Affecting a service of the team">
              {teams.map((t) => (
                <option key={t.slug} value={`team:${t.slug}`}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          )}
        </SelectField>
        <fieldset className="space-y-1 sm:col-span-2" aria-describedby={describedByIds("events", null, e.events)}>
          <legend className="mb-1 text-sm font-medium">Events</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {ALL_EVENTS.map((ev) => (
              <label key={ev} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="events" value={ev} checked={events.includes(ev)} onChange={(x) => toggle(ev, x.currentTarget.checked)} className="h-4 w-4" />
                {EVENT_LABELS[ev]}
              </label>
            ))}
          </div>
          <FieldNotes name="events" errors={e.events} />
        </fieldset>
        <div className="flex items-end gap-3 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            Add channel
          </Button>
          <FormMessage state={state} />
        </div>
      </form>
      {state.secret && (
        <ShownOnce id="new-channel-secret" label="Signing secret (shown once)" value={state.secret}>
          Verify each request: <code>X-Keel-Signature</code> is <code>sha256=</code> and the hex HMAC-SHA256 of the raw body with this secret.
        </ShownOnce>
      )}
    </div>
  );
}
