import Link from "next/link";

export default function ScheduleNotFound() {
  return (
    <div className="rounded-lg border border-line bg-surface p-6">
      <h1 className="text-lg font-semibold">No such schedule</h1>
      <p className="mt-1 text-sm text-muted">It may have been renamed or deleted.</p>
      <Link href="/oncall" className="mt-3 inline-block text-link underline">
        All schedules
      </Link>
    </div>
  );
}
