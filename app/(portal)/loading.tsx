export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-3">
      <div className="h-8 w-48 rounded bg-raised" />
      <div className="h-32 rounded bg-raised" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
