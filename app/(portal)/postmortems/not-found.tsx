import Link from "next/link";

export default function PostmortemNotFound() {
  return (
    <div className="rounded-lg border border-line bg-surface p-6">
      <h1 className="text-lg font-semibold">No such postmortem</h1>
      <p className="mt-1 text-sm text-muted">It may have been a mistyped link. Postmortems are written from their incident’s page.</p>
      <Link href="/postmortems" className="mt-3 inline-block text-link underline">
        All postmortems
      </Link>
    </div>
  );
}
