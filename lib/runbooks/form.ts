/** The runbook editor's form fields as the runbook input the domain functions validate. Pure. */
import { splitAlertNames } from "./progress";

const text = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v : "";
};
const texts = (form: FormData, k: string) => form.getAll(k).map((v) => (typeof v === "string" ? v : ""));

/**
 * Steps and contacts arrive as parallel repeated fields (stepTitle/stepDetail, contactName/
 * contactHow) in the order shown, so a field error at steps.2.title names the third step on screen.
 */
export function runbookFormToInput(form: FormData) {
  const details = texts(form, "stepDetail");
  const hows = texts(form, "contactHow");
  const severity = text(form, "severityHint");
  return {
    slug: text(form, "slug").trim(),
    title: text(form, "title"),
    scenario: text(form, "scenario"),
    alertNames: splitAlertNames(text(form, "alertNames")),
    severityHint: severity === "" ? null : severity,
    steps: texts(form, "stepTitle").map((title, i) => ({ title, detail: details[i] ?? "" })),
    contacts: texts(form, "contactName").map((name, i) => ({ name, how: hows[i] ?? "" })),
  };
}
