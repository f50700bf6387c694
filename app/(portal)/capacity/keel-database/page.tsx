import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { KeelDatabaseReport } from "@/components/capacity/keel-database-report";

export const metadata: Metadata = { title: "Keel’s database" };

export default async function KeelDatabasePage() {
  const user = await requirePage();
  return (
    <>
      <PageHeader
        title="Keel’s own database"
        description={
          <>
            How much of its PostgreSQL server Keel uses, read live from the server. Also part of the{" "}
            <a href="/api/v1/capacity/report" download className="text-link underline">
              Markdown report
            </a>
            ;{" "}
            <Link href="/capacity" className="text-link underline">
              all capacity resources
            </Link>
            .
          </>
        }
      />
      <Suspense fallback={<div className="h-40 animate-pulse rounded-lg bg-raised" aria-hidden />}>
        <KeelDatabaseReport user={user} />
      </Suspense>
    </>
  );
}
