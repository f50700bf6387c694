import { calendarResponse } from "@/lib/oncall/feed-response";
import { scheduleFeed } from "@/lib/oncall/feed-store";

/** The schedule's iCalendar feed, a year ahead; authenticated by its secret `?token=` only. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  return calendarResponse(req, (token) => scheduleFeed(token, id), "oncall.ics");
}
