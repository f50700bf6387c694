"use client";

import { Button } from "@/components/ui/button";

export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-danger bg-surface p-6">
      <h1 className="text-lg font-semibold text-danger">This page could not be loaded.</h1>
      <p className="mt-1 text-sm text-muted">
        Something failed on our side{error.digest ? ` (reference ${error.digest})` : ""}. Try again; if it keeps happening, tell your Keel admin.
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
