import { applyLocalDefaults } from "./defaults";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
applyLocalDefaults(port);

// Imported after the environment is settled.
const { startServer } = await import("./index");
await startServer({ port, hostname: process.env.HOSTNAME, dev }).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
