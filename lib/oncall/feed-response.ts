import "server-only";
import { errorResponse } from "@/lib/api/handler";

/** A feed route's answer: the calendar text, or the problem body (the token is the only credential). */
export async function calendarResponse(req: Request, make: (token: string | null) => Promise<string>, filename: string): Promise<Response> {
  try {
    const text = await make(new URL(req.url).searchParams.get("token"));
    return new Response(text, {
      headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `inline; filename="${filename}"`, "Cache-Control": "private, max-age=300" },
    });
  } catch (err) {
    return errorResponse(err, req, null);
  }
}
