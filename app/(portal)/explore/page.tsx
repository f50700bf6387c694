import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Explore" };

export default function Page() {
  return (
    <SectionPlaceholder
      title="Explore"
      description="Run PromQL against a configured data source."
      empty="No data source configured."
      detail="Explore needs a Prometheus-compatible data source, added by an admin in Settings."
    />
  );
}
