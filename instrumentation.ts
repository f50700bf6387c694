/** Runs once when the Next.js server starts (after Keel's server applied migrations). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerEnvDatasource } = await import("./lib/datasources/env-default");
  await registerEnvDatasource();
  if (process.env.KEEL_NOTIFY_WORKER !== "off") (await import("./lib/notify/worker")).startDeliveryWorker(5_000);
  if (process.env.KEEL_ESCALATION_WORKER !== "off") (await import("./lib/oncall/escalation-worker")).startEscalationWorker(5_000);
  if (process.env.KEEL_POLICY_RECORDER !== "off") {
    const { startPolicyRecorder } = await import("./lib/slo/policy-recorder");
    startPolicyRecorder(5 * 60_000, Number(process.env.KEEL_POLICY_BACKFILL_DAYS) || 0);
  }
}
