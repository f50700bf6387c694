import type { Metadata } from "next";
import Link from "next/link";
import { unsubscribe } from "@/lib/status-page/subscriptions";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/** The one-click unsubscribe link in every email: opening it forgets the address. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token } = await searchParams;
  const outcome = typeof token === "string" ? await unsubscribe(token) : "invalid";
  return (
    <section className="space-y-2 rounded-lg border border-line bg-surface p-6">
      {outcome === "unsubscribed" ? (
        <>
          <h1 className="text-xl font-semibold">You are unsubscribed</h1>
          <p className="text-sm">No more status updates will be sent to this address, and it has been removed.</p>
        </>
      ) : (
        <>
          <h1 className="text-xl font-semibold">This unsubscribe link does not work</h1>
          <p className="text-sm">It may be incomplete, or the address was already removed.</p>
        </>
      )}
      <Link href="/status" className="inline-block text-sm text-link underline">
        Back to the status page
      </Link>
    </section>
  );
}
