"use client";

/** The status page failed to load; nothing internal is shown. */
export default function StatusError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section role="alert" className="space-y-2 rounded-lg border border-line bg-surface p-6">
      <h1 className="text-xl font-semibold">The status page could not be loaded</h1>
      <p className="text-sm">Try again in a moment.</p>
      <button type="button" onClick={reset} className="text-sm text-link underline">
        Try again
      </button>
    </section>
  );
}
