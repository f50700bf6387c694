import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { deleteScheduleAction } from "@/lib/oncall/actions";
import { anchorDay, calendarDays, dateOf, stepAnchor, viewDays, viewRange, type CalendarViewKind } from "@/lib/oncall/calendar-view";
import { listFeedTokens } from "@/lib/oncall/feed-store";
import { formatRange, offsetLabel } from "@/lib/oncall/format";
import { isoToLocalInput } from "@/lib/oncall/local-input";
import { myStretches } from "@/lib/oncall/my-shifts";
import { onCallBoard, shiftsForView } from "@/lib/oncall/oncall-queries";
import { listOverrides } from "@/lib/oncall/override-store";
import { listPeople, peopleById } from "@/lib/oncall/people";
import { getSchedule } from "@/lib/oncall/schedule-store";
import { listSwaps } from "@/lib/oncall/swap-store";
import { DAY_MS, HOUR_MS } from "@/lib/oncall/zone";
import { PageHeader } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FeedLinks } from "@/components/oncall/feed-links";
import { OverrideForm } from "@/components/oncall/override-form";
import { OverridesList } from "@/components/oncall/overrides-list";
import { ScheduleCard } from "@/components/oncall/schedule-card";
import { ShiftCalendar } from "@/components/oncall/shift-calendar";
import { SwapPanel } from "@/components/oncall/swap-panel";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Schedule ${decodeURIComponent((await params).id)}` };
}

/** Everything the page shows, read at one instant. */
async function load(user: Principal, scheduleId: string, tz: string, search: Record<string, string | string[] | undefined>) {
  const nowMs = Date.now();
  const view: CalendarViewKind = one(search.view) === "month" ? "month" : "week";
  const anchor = anchorDay(one(search.date), tz, nowMs);
  const { days, month } = viewDays(view, anchor);
  const range = viewRange(days, tz);
  const [board, shown, coming, overrides, swaps, feeds, people, me] = await Promise.all([
    onCallBoard(user, nowMs, { ids: [scheduleId] }),
    shiftsForView(user, scheduleId, range.fromMs, range.toMs),
    // From a day back, so a shift under way starts before now and is not offered.
    shiftsForView(user, scheduleId, nowMs - DAY_MS, nowMs + 30 * DAY_MS),
    listOverrides(user, scheduleId, { fromMs: nowMs, toMs: nowMs + 366 * DAY_MS }),
    listSwaps(user, scheduleId, nowMs),
    listFeedTokens(user, scheduleId),
    listPeople(),
    peopleById([user.userId]),
  ]);
  return { nowMs, view, anchor, days, month, board, shown, coming, overrides, swaps, feeds, people, me };
}

export default async function SchedulePage({ params, searchParams }: Props) {
  const user = await requirePage();
  const ref = decodeURIComponent((await params).id);
  const search = await searchParams;
  const schedule = await getSchedule(user, ref).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const tz = schedule.timeZone;
  const { nowMs, view, anchor, days, month, board, shown, coming, overrides, swaps, feeds, people, me } = await load(user, schedule.id, tz, search);
  const viewerZone = me.get(user.userId)?.timeZone ?? "UTC";
  const names = Object.fromEntries(Object.entries(shown.people).map(([id, p]) => [id, p.name]));
  const grid = calendarDays(shown.shifts, shown.allLayerIds, days, tz, month);
  const responder = hasRole(user.role, "responder");
  const admin = hasRole(user.role, "admin");
  const layerName = (id: string | null) => schedule.layers.find((l) => l.id === id)?.name;
  const myShifts = myStretches(coming.shifts, user.userId, nowMs).map((s) => ({
    start: new Date(s.startMs).toISOString(),
    end: new Date(s.endMs).toISOString(),
    layerId: s.layerId,
    label: `${formatRange(s.startMs, s.endMs, tz)}${s.layerId ? ` (${layerName(s.layerId) ?? "layer"})` : ""}`,
  }));
  const base = `/oncall/schedules/${schedule.id}`;
  const href = (v: CalendarViewKind, day: number) => `${base}?view=${v}&date=${dateOf(day)}`;
  const startDefault = Math.ceil(nowMs / HOUR_MS) * HOUR_MS;
  const title = view === "week" ? `Week of ${dateOf(days[0])}` : new Date(anchor * DAY_MS).toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

  return (
    <>
      <PageHeader
        title={schedule.name}
        description={`${schedule.description ? schedule.description + " · " : ""}${schedule.team ? `Team ${schedule.team.name} · ` : ""}${schedule.layers.length} layer${schedule.layers.length === 1 ? "" : "s"} · ${tz}`}
        actions={
          admin ? (
            <>
              <ButtonLink href={`${base}/edit`} variant="secondary">
                Edit schedule
              </ButtonLink>
              <ActionForm action={deleteScheduleAction} hidden={{ id: schedule.id }} label="Delete schedule" variant="danger" confirm={`Delete “${schedule.name}” with its history, overrides and feed links?`} />
            </>
          ) : null
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-1">{board[0] && <ScheduleCard entry={board[0]} />}</div>
        <Card title="Calendar" className="lg:col-span-2">
          <nav aria-label="Calendar view" className="mb-3 flex flex-wrap items-center gap-2 text-sm">
            <Link href={href("week", anchor)} aria-current={view === "week" ? "page" : undefined} className={buttonClass(view === "week" ? "primary" : "secondary")}>
              Week
            </Link>
            <Link href={href("month", anchor)} aria-current={view === "month" ? "page" : undefined} className={buttonClass(view === "month" ? "primary" : "secondary")}>
              Month
            </Link>
            <Link href={href(view, stepAnchor(view, anchor, -1))} className={buttonClass("ghost")}>
              ← Previous
            </Link>
            <Link href={`${base}?view=${view}`} className={buttonClass("ghost")}>
              Today
            </Link>
            <Link href={href(view, stepAnchor(view, anchor, 1))} className={buttonClass("ghost")}>
              Next →
            </Link>
            <h3 className="ml-auto font-semibold">{title}</h3>
          </nav>
          <p className="mb-2 text-xs text-muted" data-testid="zone-note">
            Times in {tz} ({offsetLabel(nowMs, tz)}).{" "}
            {viewerZone !== tz ? (
              <>
                Your zone is {viewerZone} ({offsetLabel(nowMs, viewerZone)}): hover a shift for your time.{" "}
              </>
            ) : null}
            <Link href="/profile" className="text-link underline">
              Set your zone
            </Link>
          </p>
          <ShiftCalendar view={view} days={grid} layers={shown.layers} allLayerIds={shown.allLayerIds} names={names} timeZone={tz} viewerZone={viewerZone} nowMs={nowMs} />
        </Card>
      </div>

      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title="Overrides">
          {responder && (
            <div className="mb-4 border-b border-line pb-4">
              <OverrideForm
                scheduleId={schedule.id}
                timeZone={tz}
                people={people}
                layers={schedule.layers.map((l) => ({ id: l.id, name: l.name }))}
                defaultStart={isoToLocalInput(startDefault, tz)}
                defaultEnd={isoToLocalInput(startDefault + 8 * HOUR_MS, tz)}
                me={user.userId}
              />
            </div>
          )}
          <OverridesList items={overrides.items} scheduleId={schedule.id} timeZone={tz} canRemove={(o) => admin || (responder && (o.createdBy?.id === user.userId || o.user.id === user.userId))} />
        </Card>
        <div className="space-y-4">
          <Card title="Shift swaps">
            <SwapPanel scheduleId={schedule.id} timeZone={tz} swaps={swaps.items} myShifts={myShifts} me={user.userId} canSwap={responder} />
          </Card>
          <Card title="Calendar feed">
            <p className="mb-3 text-sm text-muted">A secret iCalendar link to this schedule&apos;s final on-call, a year ahead, for Google Calendar, Outlook or Apple Calendar.</p>
            <FeedLinks feeds={feeds} scheduleId={schedule.id} createLabel="Create a feed link" />
          </Card>
        </div>
      </div>
    </>
  );
}
