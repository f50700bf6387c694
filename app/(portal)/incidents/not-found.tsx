import Link from "next/link";

export default function IncidentNotFound() {
  return (
    <div className="rounded-lg border border-line bg-surface p-6">
      <h1 className="text-lg font-semibold">No such incident</h1>
      <p className="mt-1 text-sm text-muted">Incidents are found by their number (INC-42 or 42) or their id.</p>
      <Link href="/incidents" className="mt-3 inline-block text-link underline">
        All incidents
      </Link>
    </div>
  );
}
