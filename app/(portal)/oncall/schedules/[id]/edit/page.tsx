import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { updateScheduleAction } from "@/lib/oncall/actions";
import { comingMonday } from "@/lib/oncall/local-input";
import { listPeople } from "@/lib/oncall/people";
import { getSchedule, scheduleStarted } from "@/lib/oncall/schedule-store";
import { listTeams } from "@/lib/teams/queries";
import { PageHeader } from "@/components/ui/page-header";
import { draftFromSchedule } from "@/components/oncall/editor-types";
import { ScheduleEditor } from "@/components/oncall/schedule-editor";

export const metadata: Metadata = { title: "Edit schedule" };

export default async function EditSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("admin");
  const ref = decodeURIComponent((await params).id);
  const schedule = await getSchedule(user, ref).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const [people, teams, started] = await Promise.all([listPeople(), listTeams(user), scheduleStarted(schedule.id)]);
  return (
    <>
      <PageHeader title={`Edit ${schedule.name}`} description="Changes to a rotation take effect when you save: shifts before stay as they were." />
      <ScheduleEditor
        action={updateScheduleAction}
        mode="edit"
        scheduleId={schedule.id}
        cancelHref={`/oncall/schedules/${schedule.id}`}
        initial={draftFromSchedule(schedule, schedule.team?.slug ?? "")}
        defaultStart={comingMonday()}
        people={people}
        teams={teams}
        zoneLocked={started}
      />
    </>
  );
}
