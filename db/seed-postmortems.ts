import { asc, eq } from "drizzle-orm";
import { prefillFromIncident } from "@/lib/postmortems/prefill";
import { postmortemDueAt } from "@/lib/postmortems/due";
import type { PostmortemDocument } from "@/lib/postmortems/document";
import type { RowKind } from "@/lib/postmortems/document";
import type { IncidentImpact } from "./schema";
import { schema, type Db } from "./index";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Story = {
  incident: string;
  status: "draft" | "in_review" | "published";
  author: string;
  reviewer?: string;
  tags: string[];
  sections: Record<string, string>;
  whys: string[];
  rootCause: string;
  items: { title: string; category: "prevent" | "detect" | "recover"; priority: number; owner: string; dueInDays: number; status: "open" | "in_progress" | "done" | "wont_do" }[];
};

/** The demo's postmortems: one published (the SEV1), one in review, one draft now past due. */
const stories: Story[] = [
  {
    incident: "Checkout API: database pool exhausted",
    status: "published",
    author: "responder@keel.example",
    reviewer: "admin@keel.example",
    tags: ["database", "capacity"],
    sections: {
      summary: "For 40 minutes about 8 % of checkout requests failed with 503 because the API's database connection pool (20) was exhausted by a slow order-history query.",
      trigger: "A marketing e-mail sent at 09:00 tripled order-history page views; each view ran an unindexed query holding a connection for seconds.",
      "resolution.immediateFix": "Raised the pool maximum from 20 to 60 and killed the running order-history queries.",
      "resolution.workaround": "Order history is served from the read replica until the index ships.",
      whatWentWell: "The burn-rate page fired within 3 minutes and the runbook's first step (check pool saturation) pointed at the cause.",
      whatWentWrong: "Nothing alerted on pool saturation itself; the pool size had not been revisited since launch.",
      whereWeGotLucky: "The e-mail went to one region only.",
      lessonsLearned: "Connection pools are capacity: they need a forecast and an alert like disks do.",
    },
    whys: [
      "Checkout requests failed because no database connection was free.",
      "Connections were all held by order-history queries.",
      "Each order-history query took seconds: it scanned the orders table.",
      "The index on orders(customer_id, created_at) was dropped in a migration last quarter.",
    ],
    rootCause: "Schema migrations are not checked against the queries that depend on their indexes, and the pool had no saturation alert.",
    items: [
      { title: "Restore the orders(customer_id, created_at) index", category: "prevent", priority: 0, owner: "responder@keel.example", dueInDays: -3, status: "done" },
      { title: "Alert on connection pool saturation above 80 %", category: "detect", priority: 1, owner: "admin@keel.example", dueInDays: -1, status: "in_progress" },
      { title: "Add the pool to the capacity forecasts", category: "detect", priority: 2, owner: "responder@keel.example", dueInDays: 10, status: "open" },
      { title: "Fail order history fast when the pool is saturated", category: "recover", priority: 1, owner: "responder@keel.example", dueInDays: 14, status: "open" },
    ],
  },
  {
    incident: "Payments: card provider degraded",
    status: "in_review",
    author: "responder@keel.example",
    reviewer: "admin@keel.example",
    tags: ["third-party", "payments"],
    sections: {
      summary: "Our primary card provider answered 1.5 % of authorisations with errors for two hours; we failed over to the secondary provider.",
      "resolution.immediateFix": "Moved all traffic to the secondary provider.",
      detection: "The payments SLO's burn-rate alert fired 6 minutes after the provider's errors began.",
    },
    whys: ["Card authorisations failed.", "The primary provider returned 500s for a subset of card ranges.", "Failover to the secondary provider is manual."],
    rootCause: "Provider failover depends on a person noticing and flipping a flag.",
    items: [{ title: "Fail over automatically when the provider's error rate exceeds 1 % for 5 minutes", category: "recover", priority: 0, owner: "responder@keel.example", dueInDays: 21, status: "open" }],
  },
  {
    incident: "API gateway: bad deploy answered 503",
    status: "draft",
    author: "responder@keel.example",
    tags: ["deploy"],
    sections: { summary: "Gateway 2.14.0 answered 4 % of requests with 503 for 15 minutes until it was rolled back." },
    whys: ["The new gateway version could not reach two upstreams."],
    rootCause: "",
    items: [],
  },
];

/** Seeds the demo postmortems once, from the demo incidents' own timelines (pure prefill, as the app does). */
export async function seedPostmortems(db: Db, now = Date.now()): Promise<void> {
  const [any] = await db.select({ id: schema.postmortems.id }).from(schema.postmortems).limit(1);
  if (any) return;
  const people = await db.select({ id: schema.users.id, email: schema.users.email, name: schema.users.name }).from(schema.users);
  const person = (email: string) => people.find((p) => p.email === email);
  for (const story of stories) {
    const [inc] = await db.select().from(schema.incidents).where(eq(schema.incidents.title, story.incident)).limit(1);
    if (!inc?.resolvedAt) continue;
    const services = await db
      .select({ slug: schema.services.slug, name: schema.services.name })
      .from(schema.incidentServices)
      .innerJoin(schema.services, eq(schema.services.id, schema.incidentServices.serviceId))
      .where(eq(schema.incidentServices.incidentId, inc.id));
    const entries = await db.select().from(schema.incidentTimeline).where(eq(schema.incidentTimeline.incidentId, inc.id)).orderBy(asc(schema.incidentTimeline.id));
    const commander = people.find((p) => p.id === inc.commanderId);
    const { document } = prefillFromIncident(
      {
        ref: `INC-${inc.number}`,
        title: inc.title,
        summary: inc.summary,
        severity: `SEV${inc.severity}` as "SEV1",
        status: inc.status,
        detectedBy: inc.detectedBy,
        services,
        commander: commander ? { id: commander.id, name: commander.name, email: commander.email } : null,
        impact: inc.impact as IncidentImpact,
        timestamps: { started: inc.startedAt.toISOString(), detected: inc.detectedAt.toISOString(), resolved: inc.resolvedAt.toISOString() },
      },
      entries.map((e) => ({ id: e.id, at: e.at.toISOString(), kind: e.kind as RowKind, body: e.body, data: e.data })),
      now,
    );
    const doc: PostmortemDocument = { ...document, sections: { ...document.sections, ...story.sections }, fiveWhys: { whys: story.whys, rootCause: story.rootCause } };
    const author = person(story.author)!;
    const reviewer = story.reviewer ? person(story.reviewer) : undefined;
    const written = new Date(inc.resolvedAt.getTime() + 6 * HOUR);
    const published = story.status === "published" ? new Date(inc.resolvedAt.getTime() + 40 * HOUR) : null;
    const [pm] = await db
      .insert(schema.postmortems)
      .values({
        incidentId: inc.id,
        title: doc.title,
        status: story.status,
        document: doc,
        tags: story.tags,
        dueAt: new Date(postmortemDueAt(inc.resolvedAt, 48)!),
        authorId: author.id,
        contributorIds: [author.id],
        lastSavedBy: author.id,
        submittedAt: story.status === "draft" ? null : new Date(written.getTime() + 20 * HOUR),
        publishedAt: published,
        version: 3,
        createdAt: written,
        updatedAt: published ?? new Date(written.getTime() + 20 * HOUR),
      })
      .returning({ id: schema.postmortems.id });
    const events: (typeof schema.postmortemEvents.$inferInsert)[] = [{ postmortemId: pm.id, kind: "created", actorId: author.id, at: written }];
    if (story.status !== "draft") events.push({ postmortemId: pm.id, kind: "submitted", actorId: author.id, at: new Date(written.getTime() + 20 * HOUR) });
    if (reviewer) {
      await db.insert(schema.postmortemReviewers).values({ postmortemId: pm.id, userId: reviewer.id, approvedAt: published ? new Date(published.getTime() - HOUR) : null, approvedVersion: published ? 3 : null });
      await db.insert(schema.postmortemComments).values({ postmortemId: pm.id, section: "rootCause", authorId: reviewer.id, body: "Can we say why the migration review missed the index?", createdAt: new Date(written.getTime() + 22 * HOUR) });
    }
    if (published && reviewer) {
      events.push({ postmortemId: pm.id, kind: "approved", actorId: reviewer.id, at: new Date(published.getTime() - HOUR) }, { postmortemId: pm.id, kind: "published", actorId: author.id, at: published });
    }
    await db.insert(schema.postmortemEvents).values(events);
    for (const item of story.items) {
      const created = written.getTime() + HOUR;
      const closed = item.status === "done" || item.status === "wont_do" ? new Date(created + 2 * DAY) : null;
      await db.insert(schema.actionItems).values({
        postmortemId: pm.id,
        title: item.title,
        category: item.category,
        priority: item.priority,
        ownerId: person(item.owner)?.id ?? null,
        dueDate: new Date(now + item.dueInDays * DAY).toISOString().slice(0, 10),
        status: item.status,
        closedAt: closed,
        createdAt: new Date(created),
        updatedAt: closed ?? new Date(created),
      });
    }
    if (published) {
      await db.update(schema.incidents).set({ status: "closed", closedAt: new Date(published.getTime() + HOUR) }).where(eq(schema.incidents.id, inc.id));
      await db.insert(schema.incidentTimeline).values([
        { incidentId: inc.id, at: published, kind: "link", body: `Postmortem published: ${doc.title}`, data: { postmortemId: pm.id, url: `/postmortems/${pm.id}` }, authorId: author.id },
        { incidentId: inc.id, at: new Date(published.getTime() + HOUR), kind: "status", body: "Status resolved → closed", data: { from: "resolved", to: "closed" }, authorId: author.id },
      ]);
    }
  }
}
