import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Incidents" };

export default function Page() {
  return (
    <SectionPlaceholder
      title="Incidents"
      description="Declared incidents, their timelines and response metrics."
      empty="No incidents recorded."
      detail="Incidents declared in Keel or opened by Alertmanager alerts will be listed here."
    />
  );
}
