import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { postmortemMarkdown } from "./markdown-export";
import { getPostmortem } from "./queries";
import { getPostmortemSettings } from "./settings-store";

/** The postmortem as Markdown with every section heading of the organisation's template (any signed-in caller). */
export async function postmortemMarkdownFor(actor: Principal, id: string, nowMs = Date.now()): Promise<{ markdown: string; filename: string }> {
  const [p, settings] = await Promise.all([getPostmortem(actor, id, nowMs), getPostmortemSettings()]);
  const markdown = postmortemMarkdown(p.document, settings.template, {
    incidentRef: p.incident.ref,
    severity: p.incident.severity,
    status: p.status,
    startedAt: p.meta.startedAt,
    resolvedAt: p.meta.resolvedAt,
    durationMinutes: p.meta.durationMinutes,
    commander: p.meta.commander?.name ?? null,
    services: p.services.map((s) => s.name),
    authors: [p.author, ...p.contributors].filter((x, k, all) => x && all.findIndex((y) => y?.id === x.id) === k).map((x) => x!.name),
    dueAt: p.dueAt,
    publishedAt: p.publishedAt,
    actionItems: p.actionItems,
    sloImpact: p.sloImpact,
  });
  return { markdown, filename: `postmortem-${p.incident.ref}.md` };
}
