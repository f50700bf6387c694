import Link from "next/link";

export default function StatusNotFound() {
  return (
    <section className="space-y-2 rounded-lg border border-line bg-surface p-6">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm">There is no public incident or page here.</p>
      <Link href="/status" className="inline-block text-sm text-link underline">
        Back to the status page
      </Link>
    </section>
  );
}
