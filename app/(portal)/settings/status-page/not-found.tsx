import Link from "next/link";

export default function MaintenanceNotFound() {
  return (
    <div className="rounded-lg border border-line bg-surface p-6">
      <h2 className="text-lg font-semibold">No such maintenance</h2>
      <Link href="/settings/status-page" className="mt-3 inline-block text-link underline">
        All scheduled maintenance
      </Link>
    </div>
  );
}
