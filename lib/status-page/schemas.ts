import { z } from "zod";

/** A visitor's subscription request: an address and the components to follow (none chosen: all). */
export const subscribeInputSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "An email address has at most 254 characters.")
    .pipe(z.email("Enter a valid email address, like name@example.com."))
    .transform((e) => e.toLowerCase()),
  components: z.array(z.uuid("Choose components from the list.")).max(500).default([]),
});
export type SubscribeInput = z.input<typeof subscribeInputSchema>;

/** A token from a confirm or unsubscribe link. */
export const linkTokenSchema = z.string().trim().min(16).max(200);
