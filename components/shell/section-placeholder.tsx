import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";

/** A section with nothing recorded yet: says so plainly instead of showing made-up numbers. */
export async function SectionPlaceholder({ title, description, empty, detail }: { title: string; description: string; empty: string; detail: string }) {
  await requirePage();
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title={empty}>{detail}</EmptyState>
    </>
  );
}
