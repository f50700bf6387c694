import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Error-budget policy" };

export default function Page() {
  return (
    <SectionPlaceholder
      title="Error-budget policy"
      description="Which services may ship, which should slow down and which must freeze."
      empty="No policy states yet."
      detail="Policy states are computed from SLO error budgets; with no SLOs there is nothing to evaluate."
    />
  );
}
