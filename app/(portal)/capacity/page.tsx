import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Capacity" };

export default function Page() {
  return (
    <SectionPlaceholder
      title="Capacity"
      description="Usage against limits, forecasts and time to exhaustion."
      empty="No capacity resources tracked yet."
      detail="Resources measured from Prometheus and their forecasts will be listed here."
    />
  );
}
