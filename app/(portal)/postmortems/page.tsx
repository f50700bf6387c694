import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Postmortems" };

export default function Page() {
  return (
    <SectionPlaceholder
      title="Postmortems"
      description="Blameless postmortems and their action items."
      empty="No postmortems yet."
      detail="Postmortems are written from incidents; drafts, reviews and published ones will be listed here."
    />
  );
}
