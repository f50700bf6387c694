import Link from "next/link";

export default function RunbookNotFound() {
  return (
    <div className="rounded-lg border border-line bg-surface p-6">
      <h1 className="text-lg font-semibold">No such runbook</h1>
      <p className="mt-1 text-sm text-muted">It may have been renamed or deleted.</p>
      <Link href="/runbooks" className="mt-3 inline-block text-link underline">
        All runbooks
      </Link>
    </div>
  );
}
