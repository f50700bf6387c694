import type { Metadata } from "next";
import { publicServices } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Status" };
export const dynamic = "force-dynamic";

/** Public status page: no sign-in; only services marked public, and only their names. */
export default async function StatusPage() {
  const services = await publicServices();
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-2xl font-bold">System status</h1>
      <p className="mt-1 text-sm text-muted">Current state of our public services.</p>
      {services.length === 0 ? (
        <p className="mt-6 text-sm text-muted">No public services are listed yet.</p>
      ) : (
        <ul className="mt-6 divide-y divide-line rounded-lg border border-line bg-surface">
          {services.map((s) => (
            <li key={s.slug} className="flex items-center justify-between px-4 py-3">
              <span>{s.name}</span>
              <span className="text-sm text-ok">No incidents reported</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
