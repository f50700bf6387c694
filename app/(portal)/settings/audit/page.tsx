import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { listAudit } from "@/lib/audit/queries";
import { Table } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const admin = await requirePage("admin");
  const n = Number((await searchParams).before);
  const before = Number.isSafeInteger(n) && n > 0 ? n : undefined;
  const entries = await listAudit(admin, { before, limit: 100 });
  if (entries.length === 0) return <EmptyState title="No security events recorded." />;
  return (
    <>
      <Table caption="Security audit log" head={["When (UTC)", "Event", "Actor", "Target", "IP", "Details"]}>
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="whitespace-nowrap">{e.at.slice(0, 19).replace("T", " ")}</td>
            <td className="font-mono text-xs">{e.action}</td>
            <td>{e.actorEmail ?? "—"}</td>
            <td>{e.target ?? "—"}</td>
            <td className="font-mono text-xs">{e.ip ?? "—"}</td>
            <td className="font-mono text-xs">{Object.keys(e.details).length ? JSON.stringify(e.details) : ""}</td>
          </tr>
        ))}
      </Table>
      {entries.length === 100 && (
        <Link href={`/settings/audit?before=${entries.at(-1)!.id}`} className="mt-3 inline-block text-link underline">
          Older events →
        </Link>
      )}
    </>
  );
}
