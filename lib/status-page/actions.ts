"use server";

import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { logger } from "@/lib/observability/logger";
import { subscribe } from "./subscriptions";

const SUBSCRIBE_SENT = "Almost done: check your email and open the link in it to confirm your subscription.";

/**
 * The status page's subscribe form. Public (no sign-in): the double opt-in email is the check.
 * Every accepted request gets the same answer, so the form does not tell who is subscribed.
 */
export async function subscribeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const email = form.get("email");
  const components = form.getAll("components").filter((v): v is string => typeof v === "string" && v !== "");
  const values = { email: typeof email === "string" ? email : "" };
  try {
    await subscribe({ email: values.email, components });
    return { ok: true, message: SUBSCRIBE_SENT };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.fields ? "Check the highlighted fields." : err.message, fieldErrors: err.fields, values };
    logger().error({ err }, "status page subscription failed");
    return { ok: false, message: "Something went wrong on our side; try again in a minute.", values };
  }
}
