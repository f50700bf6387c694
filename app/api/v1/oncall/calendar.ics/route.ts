import { calendarResponse } from "@/lib/oncall/feed-response";
import { personFeed } from "@/lib/oncall/feed-store";

/** A person's on-call across every schedule, as iCalendar; authenticated by their secret `?token=` only. */
export async function GET(req: Request): Promise<Response> {
  return calendarResponse(req, (token) => personFeed(token), "my-oncall.ics");
}
