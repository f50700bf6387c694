import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "SLOs" };

export default function Page() {
  return (
    <SectionPlaceholder
      title="SLOs"
      description="Service level objectives, error budgets and burn rates."
      empty="No SLOs defined yet."
      detail="SLOs are defined per service; their budgets and burn rates will appear here."
    />
  );
}
