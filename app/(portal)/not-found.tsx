import Link from "next/link";

export default function NotFound() {
  return (
    <div className="rounded-lg border border-line bg-surface p-6">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-sm text-muted">There is nothing here. It may have been deleted or renamed.</p>
      <Link href="/" className="mt-3 inline-block text-link underline">
        Back to the overview
      </Link>
    </div>
  );
}
