import "server-only";
import { eq, getTableColumns } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { incidentRef, parseIncidentRef } from "./ref";

const i = schema.incidents;

/** Every column but the search document, which only queries use. */
const { search, ...rowColumns } = getTableColumns(i);
void search;
export { rowColumns as incidentColumns };

export type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];
type Reader = ReturnType<typeof getDb> | Tx;

export function noIncident(ref: string): AppError {
  return new AppError("not_found", `No incident "${ref}".`);
}

/** The incident's uuid for a reference (uuid, INC-42 or 42); not found otherwise. */
export async function incidentIdOf(ref: string, db: Reader = getDb()): Promise<string> {
  const parsed = parseIncidentRef(ref);
  if (!parsed) throw noIncident(ref);
  const [row] = await db
    .select({ id: i.id })
    .from(i)
    .where("id" in parsed ? eq(i.id, parsed.id) : eq(i.number, parsed.number))
    .limit(1);
  if (!row) throw noIncident(ref);
  return row.id;
}

/** The incident's row, locked for the rest of the transaction so changes to it are serialised. */
export async function lockIncident(tx: Tx, ref: string) {
  const parsed = parseIncidentRef(ref);
  if (!parsed) throw noIncident(ref);
  const [row] = await tx
    .select(rowColumns)
    .from(i)
    .where("id" in parsed ? eq(i.id, parsed.id) : eq(i.number, parsed.number))
    .for("update");
  if (!row) throw noIncident(ref);
  return row;
}
export type IncidentRow = Awaited<ReturnType<typeof lockIncident>>;

/** "INC-42" for messages and audit targets. */
export const refOf = (row: { number: number }) => incidentRef(row.number);
