import "server-only";
import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import type { Tx } from "@/lib/incidents/lookup";
import { incidentRef } from "@/lib/incidents/ref";
import {
  ACTION_PRIORITIES,
  actionItemInputSchema,
  actionItemPatchSchema,
  closedAtAfter,
  closureRate,
  isOverdue,
  medianTimeToClose,
  statusCounts,
  type ActionCategory,
  type ActionItemInput,
  type ActionStatus,
} from "./action-items";
import { canEdit } from "./review";
import { reviewSubject, postmortemRow } from "./load";
import type { ActionItemDto } from "./dto";

const ai = schema.actionItems;
const pm = schema.postmortems;
const u = schema.users;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const priorityLevel = (p: (typeof ACTION_PRIORITIES)[number]) => ACTION_PRIORITIES.indexOf(p);

/** An owner given by id or email: an active user (any role may own an item). */
async function ownerId(db: ReturnType<typeof getDb> | Tx, owner: string | null | undefined, field = "owner"): Promise<string | null | undefined> {
  if (owner === undefined || owner === null) return owner;
  const byId = UUID.test(owner);
  const [row] = await db
    .select({ id: u.id, disabled: u.disabled })
    .from(u)
    .where(byId ? eq(u.id, owner.toLowerCase()) : sql`lower(${u.email}) = ${owner.toLowerCase()}`)
    .limit(1);
  if (!row || row.disabled) throw new AppError("bad_request", `No active user "${owner}" to own the item.`, { [field]: [`No active user "${owner}".`] });
  return row.id;
}

/** Inserts validated new items inside the caller's transaction (postmortem creation). */
export async function insertActionItems(tx: Tx, postmortemId: string, items: readonly ActionItemInput[], at: Date): Promise<void> {
  for (const [n, raw] of items.entries()) {
    const v = actionItemInputSchema.parse(raw);
    const owner = await ownerId(tx, v.owner, `actionItems.${n}.owner`);
    await tx.insert(ai).values({
      postmortemId,
      title: v.title,
      category: v.category,
      priority: priorityLevel(v.priority),
      ownerId: owner ?? null,
      dueDate: v.dueDate ?? null,
      status: v.status,
      link: v.link ?? null,
      closedAt: v.status === "done" || v.status === "wont_do" ? at : null,
      createdAt: at,
      updatedAt: at,
    });
  }
}

const columns = {
  id: ai.id,
  title: ai.title,
  category: ai.category,
  priority: ai.priority,
  ownerId: ai.ownerId,
  ownerName: u.name,
  ownerEmail: u.email,
  dueDate: ai.dueDate,
  status: ai.status,
  link: ai.link,
  closedAt: ai.closedAt,
  createdAt: ai.createdAt,
  version: ai.version,
  postmortemId: pm.id,
  postmortemTitle: pm.title,
  incidentNumber: schema.incidents.number,
};
type Row = { [K in keyof typeof columns]: unknown } & {
  id: string;
  title: string;
  category: ActionCategory;
  priority: number;
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  dueDate: string | null;
  status: ActionStatus;
  link: string | null;
  closedAt: Date | null;
  createdAt: Date;
  version: number;
  postmortemId: string;
  postmortemTitle: string;
  incidentNumber: number;
};

function toDto(r: Row, nowMs: number): ActionItemDto {
  const item = {
    id: r.id,
    title: r.title,
    category: r.category,
    priority: ACTION_PRIORITIES[r.priority] ?? "P1",
    owner: r.ownerId ? r.ownerName || r.ownerEmail : null,
    dueDate: r.dueDate,
    status: r.status,
    link: r.link,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  };
  return { ...item, ownerId: r.ownerId, ownerEmail: r.ownerEmail, version: r.version, postmortem: { id: r.postmortemId, title: r.postmortemTitle, incidentRef: incidentRef(r.incidentNumber) }, overdue: isOverdue(item, nowMs) };
}

function select(where: SQL | undefined) {
  return getDb()
    .select(columns)
    .from(ai)
    .innerJoin(pm, eq(pm.id, ai.postmortemId))
    .innerJoin(schema.incidents, eq(schema.incidents.id, pm.incidentId))
    .leftJoin(u, eq(u.id, ai.ownerId))
    .where(where);
}

/** The items of these postmortems, by priority then creation. */
export async function itemsOf(postmortemIds: string[], nowMs = Date.now()): Promise<ActionItemDto[]> {
  if (!postmortemIds.length) return [];
  const rows = (await select(inArray(ai.postmortemId, postmortemIds)).orderBy(asc(ai.priority), asc(ai.createdAt))) as Row[];
  return rows.map((r) => toDto(r, nowMs));
}

/** Items can be added and edited while the postmortem is a draft (or by an admin with a reason once published), and their status changed at any time. */
async function assertCanEditItems(actor: Principal, postmortemId: string, reason?: string) {
  const row = await postmortemRow(postmortemId);
  const may = canEdit(await reviewSubject(row), { userId: actor.userId, role: actor.role }, reason);
  if (!may.ok) throw new AppError(may.code, may.message);
  return row;
}

export async function addActionItem(actor: Principal, postmortemId: string, input: unknown, nowMs = Date.now()): Promise<ActionItemDto> {
  assertRole(actor, "responder");
  const parsed = actionItemInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const row = await assertCanEditItems(actor, postmortemId);
  await getDb().transaction((tx) => insertActionItems(tx, row.id, [parsed.data], new Date(nowMs)));
  const items = await itemsOf([row.id], nowMs);
  return items.reduce((a, b) => (Date.parse(b.createdAt) >= Date.parse(a.createdAt) ? b : a));
}

/**
 * Changes an item (responder and up). Status moves are always allowed (items are tracked to
 * closure long after publication); other fields follow the postmortem's editing rules.
 * A stale `version` is refused with 409.
 */
export async function updateActionItem(actor: Principal, id: string, patch: unknown, nowMs = Date.now()): Promise<ActionItemDto> {
  assertRole(actor, "responder");
  const parsed = actionItemPatchSchema.safeParse(patch);
  if (!parsed.success) throw validationError(parsed.error);
  const p = parsed.data;
  if (!UUID.test(id)) throw new AppError("not_found", `No action item "${id}".`);
  const [cur] = await getDb().select().from(ai).where(eq(ai.id, id.toLowerCase()));
  if (!cur) throw new AppError("not_found", `No action item "${id}".`);
  const onlyStatus = Object.keys(p).every((k) => k === "status" || k === "version");
  if (!onlyStatus) await assertCanEditItems(actor, cur.postmortemId);
  const owner = await ownerId(getDb(), p.owner);
  const status = p.status ?? cur.status;
  const updated = await getDb()
    .update(ai)
    .set({
      ...(p.title !== undefined ? { title: p.title } : {}),
      ...(p.category !== undefined ? { category: p.category } : {}),
      ...(p.priority !== undefined ? { priority: priorityLevel(p.priority) } : {}),
      ...(owner !== undefined ? { ownerId: owner } : {}),
      ...(p.dueDate !== undefined ? { dueDate: p.dueDate } : {}),
      ...(p.link !== undefined ? { link: p.link } : {}),
      status,
      closedAt: (() => {
        const c = closedAtAfter(cur.status, status, cur.closedAt?.toISOString() ?? null, nowMs);
        return c ? new Date(c) : null;
      })(),
      version: cur.version + 1,
      updatedAt: new Date(nowMs),
    })
    .where(and(eq(ai.id, cur.id), eq(ai.version, p.version)))
    .returning({ id: ai.id });
  if (!updated.length) throw new AppError("conflict", "Someone else changed this action item since you opened it. Reload to see their change; your input is kept.");
  const [row] = (await select(eq(ai.id, cur.id))) as Row[];
  return toDto(row, nowMs);
}

export async function deleteActionItem(actor: Principal, id: string): Promise<void> {
  assertRole(actor, "responder");
  if (!UUID.test(id)) throw new AppError("not_found", `No action item "${id}".`);
  const [cur] = await getDb().select({ id: ai.id, postmortemId: ai.postmortemId, title: ai.title }).from(ai).where(eq(ai.id, id.toLowerCase()));
  if (!cur) throw new AppError("not_found", `No action item "${id}".`);
  await assertCanEditItems(actor, cur.postmortemId);
  await getDb().delete(ai).where(eq(ai.id, cur.id));
  void auditActor;
}

export type ActionItemFilter = { owner?: string; team?: string; service?: string; category?: ActionCategory; status?: ActionStatus[]; overdue?: boolean };

/** Items across every postmortem, with filters (owner by id or email, team and service by slug). */
export async function listActionItems(actor: Principal, f: ActionItemFilter = {}, nowMs = Date.now()): Promise<{ items: ActionItemDto[]; closureRate: number | null; medianTimeToCloseMs: number | null; counts: Record<ActionStatus, number> }> {
  assertRole(actor, "viewer");
  const where: (SQL | undefined)[] = [];
  if (f.owner) where.push(UUID.test(f.owner) ? eq(ai.ownerId, f.owner.toLowerCase()) : sql`lower(${u.email}) = ${f.owner.toLowerCase()}`);
  if (f.category) where.push(eq(ai.category, f.category));
  if (f.status?.length) where.push(inArray(ai.status, f.status));
  const onService = (cond: SQL) => sql`exists (select 1 from incident_services x join services s on s.id = x.service_id where x.incident_id = ${pm.incidentId} and ${cond})`;
  if (f.service) where.push(onService(sql`s.slug = ${f.service}`));
  if (f.team) where.push(or(onService(sql`s.team_id = (select t.id from teams t where t.slug = ${f.team})`), sql`${u.teamId} = (select t.id from teams t where t.slug = ${f.team})`));
  const rows = (await select(and(...where)).orderBy(asc(ai.status), asc(ai.priority), asc(ai.dueDate), asc(ai.createdAt))) as Row[];
  let items = rows.map((r) => toDto(r, nowMs));
  if (f.overdue) items = items.filter((i) => i.overdue);
  return { items, closureRate: closureRate(items), medianTimeToCloseMs: medianTimeToClose(items), counts: statusCounts(items) };
}
