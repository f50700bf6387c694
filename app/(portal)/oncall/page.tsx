import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { listFeedTokens } from "@/lib/oncall/feed-store";
import { onCallBoard } from "@/lib/oncall/oncall-queries";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { FeedLinks } from "@/components/oncall/feed-links";
import { ScheduleCard } from "@/components/oncall/schedule-card";

export const metadata: Metadata = { title: "On-call" };

export default async function OnCallPage() {
  const user = await requirePage();
  const [board, feeds] = await Promise.all([onCallBoard(user), listFeedTokens(user)]);
  const admin = hasRole(user.role, "admin");
  return (
    <>
      <PageHeader
        title="On-call"
        description="Who is on call now and next for each schedule, per layer and in the end, with coverage warnings for the next 30 days."
        actions={
          <>
            <ButtonLink href="/oncall/escalation" variant="secondary">
              Escalation policies
            </ButtonLink>
            <ButtonLink href="/oncall/health" variant="secondary">
              On-call health
            </ButtonLink>
            {admin && <ButtonLink href="/oncall/schedules/new">New schedule</ButtonLink>}
          </>
        }
      />
      {board.length ? (
        <div className="grid gap-4 lg:grid-cols-2">
          {board.map((entry) => (
            <ScheduleCard key={entry.id} entry={entry} />
          ))}
        </div>
      ) : (
        <EmptyState title="No on-call schedules yet.">{admin ? "Create the first with “New schedule”." : "Admins create schedules; they will be listed here."}</EmptyState>
      )}
      <Card title="My on-call in my calendar" className="mt-6">
        <p className="mb-3 text-sm text-muted">A secret iCalendar link with every shift you are on, in any schedule, a year ahead.</p>
        <FeedLinks feeds={feeds.filter((f) => !f.scheduleId)} createLabel="Create my calendar link" />
      </Card>
    </>
  );
}
