"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError, fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { createDatasource, deleteDatasource, updateDatasource } from "./queries";
import { datasourceFormToInput, datasourceInputSchema } from "./schemas";
import { testDatasource, testDatasourceInput } from "./test-connection";

/** API field paths → the form's field names. */
function formFields(fields: FieldErrors = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(fields)) {
    const name = key.startsWith("auth.") ? key.slice(5) : key.startsWith("headers") ? "headers" : key;
    (out[name] ??= []).push(...messages);
  }
  return out;
}

function parseForm(form: FormData) {
  const parsed = datasourceInputSchema.safeParse(datasourceFormToInput(form));
  if (!parsed.success) throw new AppError("bad_request", "Some fields need attention.", formFields(fieldErrorsOf(parsed.error)));
  return parsed.data;
}

async function withFormFields(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError && err.fields) throw new AppError(err.code, err.message, formFields(err.fields));
    throw err;
  }
}

export async function saveDatasourceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("id") ?? "");
  const version = Number(form.get("version"));
  const state = await runFormAction(form, (actor) =>
    withFormFields(async () => {
      const input = parseForm(form);
      if (id) await updateDatasource(actor, id, { ...input, version: Number.isInteger(version) && version > 0 ? version : undefined });
      else await createDatasource(actor, input);
    }),
  );
  if (!state.ok) return state;
  revalidatePath("/settings/datasources");
  redirect("/settings/datasources?saved=1");
}

/** "Test connection" on the form: tests what is typed, before it is saved. */
export async function testDatasourceFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("id") ?? "") || undefined;
  return runFormAction(form, async (actor) => {
    let message = "";
    let ok = false;
    await withFormFields(async () => {
      const result = await testDatasourceInput(actor, parseForm(form), id);
      ({ ok, message } = result);
    });
    if (!ok) throw new AppError("bad_gateway", message);
    return { message };
  });
}

export async function testSavedDatasourceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("id") ?? "");
  return runFormAction(form, async (actor) => {
    const result = await testDatasource(actor, id);
    if (!result.ok) throw new AppError("bad_gateway", result.message);
    return { message: result.message };
  });
}

export async function deleteDatasourceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("id") ?? "");
  const state = await runFormAction(form, (actor) => deleteDatasource(actor, id));
  if (!state.ok) return state;
  revalidatePath("/settings/datasources");
  redirect("/settings/datasources");
}
