/** Runs once when the Next.js server starts (after Keel's server applied migrations). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerEnvDatasource } = await import("./lib/datasources/env-default");
  await registerEnvDatasource();
}
