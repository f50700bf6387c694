import type { Metadata } from "next";
import Link from "next/link";
import { confirmSubscription } from "@/lib/status-page/subscriptions";

export const metadata: Metadata = { title: "Confirm subscription", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/** The double opt-in link: opening it confirms the subscription (opening it again changes nothing). */
export default async function ConfirmPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const outcome = typeof token === "string" ? await confirmSubscription(token) : { ok: false as const };
  return (
    <section className="space-y-2 rounded-lg border border-line bg-surface p-6">
      {outcome.ok ? (
        <>
          <h1 className="text-xl font-semibold">You are subscribed</h1>
          <p className="text-sm">
            {outcome.email} will receive status updates for {outcome.componentNames?.length ? outcome.componentNames.join(", ") : "every component"}. Each email has a
            link to unsubscribe.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-xl font-semibold">This confirmation link does not work</h1>
          <p className="text-sm">It may be incomplete, or replaced by a newer one. Subscribe again on the status page to get a fresh link.</p>
        </>
      )}
      <Link href="/status" className="inline-block text-sm text-link underline">
        Back to the status page
      </Link>
    </section>
  );
}
