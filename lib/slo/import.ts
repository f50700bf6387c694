import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { datasourceInputSchema } from "@/lib/datasources/schemas";
import type { DocIssue } from "./interop-errors";
import { parseOpenSlo, slugify, type ImportedSlo } from "./openslo";
import { parseSloth } from "./sloth";
import { sloInputSchema, type SloInput } from "./schemas";
import { sloRowValues } from "./queries";

export type ImportResult = { created: string[]; updated: string[]; notes: string[] };

const where = (d: Pick<DocIssue, "document" | "kind" | "name">) => `document ${d.document}${d.kind ? ` (${d.kind}${d.name ? ` ${d.name}` : ""})` : ""}`;

function refuse(issues: { at: string; message: string }[]): never {
  const fields: FieldErrors = {};
  for (const i of issues) (fields[i.at] ??= []).push(i.message);
  throw new AppError("unprocessable", `Nothing was imported: ${issues.length} problem${issues.length === 1 ? "" : "s"} in the file.`, fields);
}

/**
 * Imports OpenSLO v1 (multi-document) or Sloth prometheus/v1 YAML. Everything is checked first and
 * then written in one transaction, so a file with any problem imports nothing. Services named by
 * the file are matched by slug or name, and created when missing; SLOs are created or updated by slug.
 */
export async function importSlos(actor: Principal, yamlText: string): Promise<ImportResult> {
  assertRole(actor, "admin");
  const sloth = /^\s*version:\s*["']?prometheus\/v1/m.test(yamlText) && !/openslo\/v1/.test(yamlText);
  const parsed = sloth ? { ...parseSloth(yamlText), datasources: [] as { name: string; url: string }[] } : parseOpenSlo(yamlText);
  if (parsed.errors.length) refuse(parsed.errors.map((e) => ({ at: where(e), message: e.message })));

  const db = getDb();
  const services = await db.select({ id: schema.services.id, slug: schema.services.slug, name: schema.services.name }).from(schema.services);
  const findService = (name: string) => services.find((s) => s.slug === name || s.name.toLowerCase() === name.toLowerCase() || s.slug === slugify(name));
  const datasources = await db.select({ id: schema.datasources.id, name: schema.datasources.name }).from(schema.datasources);

  const problems: { at: string; message: string }[] = [];
  const newDatasources = parsed.datasources.filter((d) => !datasources.some((x) => x.name === d.name));
  for (const d of newDatasources) {
    const ok = datasourceInputSchema.safeParse({ name: d.name, url: d.url });
    if (!ok.success) problems.push({ at: `DataSource ${d.name}`, message: ok.error.issues.map((i) => i.message).join(" ") });
  }
  const inputs: { input: SloInput; item: ImportedSlo; serviceName: string }[] = [];
  for (const item of parsed.slos) {
    const serviceName = item.definition.service;
    const service = findService(serviceName);
    const candidate = sloInputSchema.safeParse({ ...item.definition, service: service?.slug ?? (slugify(serviceName) || "x") });
    if (!candidate.success) {
      problems.push({ at: where({ document: item.document, kind: "SLO", name: item.definition.slug }), message: candidate.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    } else inputs.push({ input: candidate.data, item, serviceName });
  }
  if (problems.length) refuse(problems);

  const result: ImportResult = { created: [], updated: [], notes: parsed.notes.map((n) => `${where(n)}: ${n.message}`) };
  await db.transaction(async (tx) => {
    const dsIds = new Map(datasources.map((d) => [d.name, d.id]));
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(schema.datasources);
    for (const [i, d] of newDatasources.entries()) {
      const id = randomUUID();
      await tx.insert(schema.datasources).values({ id, name: d.name, kind: "prometheus", url: d.url.replace(/\/+$/, ""), isDefault: n === 0 && i === 0 });
      dsIds.set(d.name, id);
    }
    for (const { input, item, serviceName } of inputs) {
      let serviceId = findService(serviceName)?.id;
      if (!serviceId) {
        const [created] = await tx.insert(schema.services).values({ name: serviceName, slug: input.service }).onConflictDoNothing().returning({ id: schema.services.id });
        serviceId = created?.id ?? (await tx.select({ id: schema.services.id }).from(schema.services).where(eq(schema.services.slug, input.service)))[0].id;
        services.push({ id: serviceId, slug: input.service, name: serviceName });
      }
      const values = { ...sloRowValues(input, serviceId), datasourceId: item.datasourceName ? (dsIds.get(item.datasourceName) ?? null) : null };
      const [existing] = await tx.select({ id: schema.slos.id, version: schema.slos.version }).from(schema.slos).where(eq(schema.slos.slug, input.slug));
      if (existing) {
        await tx.update(schema.slos).set({ ...values, version: existing.version + 1, updatedAt: new Date() }).where(eq(schema.slos.id, existing.id));
        result.updated.push(existing.id);
      } else {
        const [row] = await tx.insert(schema.slos).values(values).returning({ id: schema.slos.id });
        result.created.push(row.id);
      }
    }
  });
  await recordAudit({ action: "slo.imported", ...auditActor(actor), target: sloth ? "sloth" : "openslo", details: { created: result.created.length, updated: result.updated.length } });
  return result;
}
