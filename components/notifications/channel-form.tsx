"use client";

import { useActionState, useState } from "react";
import { ShownOnce } from "@/components/ui/shown-once";
import { Button } from "@/components/ui/button";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { FieldNotes, FormMessage, SelectField, TextArea, TextField, describedByIds } from "@/components/ui/field";
import { createChannelAction, updateChannelAction } from "@/lib/notify/actions";
import type { ChannelDto } from "@/lib/notify/dto";
import { ALL_EVENTS, EVENT_LABELS } from "@/lib/notify/event-labels";
import type { FormState } from "@/lib/forms";

type Option = { slug: string; name: string };

const scopeValue = (c: ChannelDto) => (c.scope.type === "all" ? "all" : `${c.scope.type}:${c.scope.slug}`);

/**
 * Adds a notification channel (a webhook URL or email recipients, its scope and the events it
 * wants), or, given `channel`, edits that one: its kind stays and a blank URL keeps the stored one.
 */
export function ChannelForm({ services, teams, channel }: { services: Option[]; teams: Option[]; channel?: ChannelDto }) {
  const [state, action, pending] = useActionState(channel ? updateChannelAction : createChannelAction, {} as FormState);
  const [kind, setKind] = useState<string>(channel?.kind ?? "webhook");
  const [events, setEvents] = useState<string[]>(channel?.events ?? ALL_EVENTS);
  const current = channel ? { name: channel.name, emails: channel.emails.join("\n"), scope: scopeValue(channel) } : {};
  const v: Record<string, string | undefined> = state.ok === false ? (state.values ?? {}) : state.ok ? {} : current;
  const fid = (name: string) => (channel ? `${name}-${channel.id}` : name);
  const e = state.fieldErrors ?? {};
  const toggle = (ev: string, on: boolean) => setEvents((cur) => (on ? [...cur, ev] : cur.filter((x) => x !== ev)));
  return (
    <div className="space-y-3">
      <form action={action} className="grid gap-3 sm:grid-cols-2" key={JSON.stringify(v)} noValidate>
        {channel && (
          <>
            <input type="hidden" name="id" value={channel.id} />
            <input type="hidden" name="version" value={channel.version} />
            <input type="hidden" name="kind" value={channel.kind} />
          </>
        )}
        <TextField id={fid("name")} name="name" label="Name" defaultValue={v.name} errors={e.name} placeholder="#incidents on Slack" />
        {channel ? (
          <p className="text-sm">
            <span className="block font-medium">Kind</span>
            {channel.kind === "webhook" ? "Webhook" : "Email"}
          </p>
        ) : (
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
        )}
        {kind === "webhook" ? (
          <TextField
            id={fid("url")}
            name="url"
            label="Webhook URL"
            type="url"
            defaultValue={v.url}
            errors={e.url}
            placeholder={channel?.url ?? "https://hooks.slack.com/services/…"}
            hint={channel ? "Leave blank to keep the current URL." : "Keel POSTs JSON signed with HMAC-SHA256 (X-Keel-Signature)."}
          />
        ) : (
          <TextArea id={fid("emails")} name="emails" label="Recipients" rows={3} defaultValue={v.emails} errors={e.emails} hint="Email addresses, separated by commas or new lines." />
        )}
        <SelectField id={fid("scope")} name="scope" label="Incidents" defaultValue={v.scope ?? "all"} errors={e.service ?? e.team}>
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
        {channel?.kind === "webhook" && (
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="rotateSecret" className="h-4 w-4" />
            Issue a new signing secret (the current one stops verifying at once)
          </label>
        )}
        <div className="flex items-end gap-3 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {channel ? `Save ${channel.name}` : "Add channel"}
          </Button>
          <FormMessage state={state} />
        </div>
      </form>
      {state.secret && (
        <ShownOnce id={fid("new-channel-secret")} label="Signing secret (shown once)" value={state.secret}>
          Verify each request: <code>X-Keel-Signature</code> is <code>sha256=</code> and the hex HMAC-SHA256 of the raw body with this secret.
        </ShownOnce>
      )}
    </div>
  );
}
