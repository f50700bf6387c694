"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { roles } from "@/lib/auth/roles";
import { runFormAction, type FormState } from "@/lib/forms";
import { userInputSchema, teamInputSchema, tokenInputSchema } from "./schemas";
import { createUser, setUserDisabled, setUserRole } from "./queries";
import { createTeam, deleteTeam } from "@/lib/teams/queries";
import { createToken, revokeToken } from "@/lib/tokens/queries";

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v : "";
};
const id = z.string().uuid("Unknown id.");

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const input = userInputSchema.parse({
      email: str(form, "email"),
      name: str(form, "name"),
      role: str(form, "role"),
      password: str(form, "password") || undefined,
      team: str(form, "team") || null,
    });
    const user = await createUser(actor, input);
    return { message: `Created ${user.email}.` };
  });
  revalidatePath("/settings/users");
  return state;
}

export async function setRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const role = z.enum(roles).parse(str(form, "role"));
    await setUserRole(actor, id.parse(str(form, "userId")), role);
    return { message: `Role set to ${role}.` };
  });
  revalidatePath("/settings/users");
  return state;
}

export async function setDisabledAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    await setUserDisabled(actor, id.parse(str(form, "userId")), str(form, "disabled") === "true");
  });
  revalidatePath("/settings/users");
  return state;
}

export async function createTeamAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const team = await createTeam(actor, teamInputSchema.parse({ name: str(form, "name"), slug: str(form, "slug"), description: str(form, "description") }));
    return { message: `Created team ${team.name}.` };
  });
  revalidatePath("/settings/teams");
  return state;
}

export async function deleteTeamAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, (actor) => deleteTeam(actor, str(form, "slug")));
  revalidatePath("/settings/teams");
  return state;
}

export async function createTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const input = tokenInputSchema.parse({ email: str(form, "email"), name: str(form, "name"), role: str(form, "role") || undefined });
    const t = await createToken(actor, input);
    return { message: `Token created with role ${t.role}. Copy it now: it will not be shown again.`, secret: t.token };
  });
  revalidatePath("/settings/tokens");
  return state;
}

export async function revokeTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, (actor) => revokeToken(actor, id.parse(str(form, "tokenId"))));
  revalidatePath("/settings/tokens");
  return state;
}
