import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeed } from "~/models/calendar.server";

/** A person's private iCalendar feed (issue 16): the secret in the address is the key; unknown or revoked: 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  const feed = await calendarFeed(params.token ?? "");
  if (feed === null)
    throw new Response("Not Found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response(feed, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="training.ics"',
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
