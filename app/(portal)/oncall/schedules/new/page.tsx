import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { createScheduleAction } from "@/lib/oncall/actions";
import { comingMonday } from "@/lib/oncall/local-input";
import { listPeople } from "@/lib/oncall/people";
import { listTeams } from "@/lib/teams/queries";
import { PageHeader } from "@/components/ui/page-header";
import { newScheduleDraft } from "@/components/oncall/editor-types";
import { ScheduleEditor } from "@/components/oncall/schedule-editor";

export const metadata: Metadata = { title: "New schedule" };

export default async function NewSchedulePage() {
  const user = await requirePage("admin");
  const [people, teams] = await Promise.all([listPeople(), listTeams(user)]);
  const start = comingMonday();
  return (
    <>
      <PageHeader title="New schedule" description="Layers of rotations in one time zone. The template: a weekly rotation handing off on Mondays at 09:00 UTC." />
      <ScheduleEditor action={createScheduleAction} mode="create" cancelHref="/oncall" initial={newScheduleDraft(start)} defaultStart={start} people={people} teams={teams} />
    </>
  );
}
