import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "On-call" };

export default function Page() {
  return (
    <SectionPlaceholder
      title="On-call"
      description="Schedules, rotations, overrides and escalation."
      empty="No on-call schedules yet."
      detail="Once schedules exist, who is on call now and next will show here."
    />
  );
}
