"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { createChannel, deleteChannel, updateChannel } from "./channels";
import { channelFormToInput, channelInputSchema, type ChannelInput } from "./schemas";
import { testChannel } from "./test-send";

const PAGE = "/settings/notifications";
const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v : "";
};
const id = z.string().uuid("Unknown channel.");

export async function createChannelAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const input: ChannelInput = channelInputSchema.parse(channelFormToInput(form));
    const { channel, secret } = await createChannel(actor, input);
    return secret
      ? { message: `Added ${channel.name}. Copy its signing secret now: it will not be shown again.`, secret }
      : { message: `Added ${channel.name}.` };
  });
  revalidatePath(PAGE);
  return state;
}

/** Edits a channel from its card: the kind stays; a blank webhook URL keeps the stored one (it is shown masked). */
export async function updateChannelAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const input = channelFormToInput(form);
    const version = Number(str(form, "version"));
    const { channel, secret } = await updateChannel(actor, id.parse(str(form, "id")), {
      name: input.name as string,
      url: input.url ? (input.url as string) : undefined,
      emails: input.emails as string[] | undefined,
      service: input.service as string | null,
      team: input.team as string | null,
      events: input.events as ChannelInput["events"],
      rotateSecret: str(form, "rotateSecret") === "on" || undefined,
      version: Number.isInteger(version) && version > 0 ? version : undefined,
    });
    return secret ? { message: `Saved ${channel.name}. Copy its new signing secret now: it will not be shown again.`, secret } : { message: `Saved ${channel.name}.` };
  });
  revalidatePath(PAGE);
  return state;
}

export async function setChannelEnabledAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const enabled = str(form, "enabled") === "true";
    await updateChannel(actor, id.parse(str(form, "id")), { enabled });
    return { message: enabled ? "Enabled." : "Disabled." };
  });
  revalidatePath(PAGE);
  return state;
}

export async function testChannelAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const result = await testChannel(actor, id.parse(str(form, "id")));
    if (!result.ok) throw new AppError("bad_gateway", `The test failed: ${result.error}`);
    return { message: "Test message sent." };
  });
  revalidatePath(PAGE);
  return state;
}

export async function deleteChannelAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, (actor) => deleteChannel(actor, id.parse(str(form, "id"))));
  revalidatePath(PAGE);
  return state;
}
