import type { Metadata } from "next";
import Link from "next/link";
import { publicComponents } from "@/lib/status-page/queries";
import { SubscribeForm } from "@/components/status-page/subscribe-form";

export const metadata: Metadata = { title: "Get updates by email" };
export const dynamic = "force-dynamic";

/** Subscribing to chosen components (the status page's own form covers every component). */
export default async function SubscribePage() {
  const components = await publicComponents();
  return (
    <section aria-labelledby="subscribe-heading" className="space-y-4 rounded-lg border border-line bg-surface p-6">
      <h1 id="subscribe-heading" className="text-xl font-semibold">
        Get updates by email
      </h1>
      <p className="text-sm text-muted">We send an email with a link to confirm; nothing else is sent until it is opened. Every email has a link to unsubscribe.</p>
      <SubscribeForm components={components} />
      <Link href="/status" className="inline-block text-sm text-link underline">
        Back to the status page
      </Link>
    </section>
  );
}
