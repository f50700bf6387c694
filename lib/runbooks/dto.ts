import type { RunbookContact, RunbookStep } from "@/db/schema";
import type { Person } from "@/lib/incidents/changes";
import { severityOf, type Severity } from "@/lib/incidents/severity";

/** A runbook: an incident procedure with its ordered steps and whom to call. */
export type RunbookDto = {
  id: string;
  slug: string;
  title: string;
  scenario: string;
  alertNames: string[];
  severityHint: Severity | null;
  steps: RunbookStep[];
  contacts: RunbookContact[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** A runbook attached to an incident, with which of its steps are done. */
export type AttachedRunbookDto = {
  runbook: Pick<RunbookDto, "slug" | "title" | "scenario" | "severityHint" | "steps" | "contacts" | "version">;
  /** Indexes into `runbook.steps`, ascending. */
  done: number[];
  /** null: attached by Keel (an alert with one of its alert names opened the incident). */
  attachedBy: Person | null;
  attachedAt: string;
};

export type RunbookRow = {
  id: string;
  slug: string;
  title: string;
  scenario: string;
  alertNames: string[];
  severityHint: number | null;
  steps: RunbookStep[];
  contacts: RunbookContact[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export function runbookDto(r: RunbookRow): RunbookDto {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    scenario: r.scenario,
    alertNames: r.alertNames,
    severityHint: r.severityHint === null ? null : severityOf(r.severityHint),
    steps: r.steps,
    contacts: r.contacts,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
