import pino from "pino";
import { env } from "@/lib/env";

const g = globalThis as unknown as { __keelLogger?: pino.Logger };

/** JSON logs on stdout (stderr for the CLI, whose stdout is its output); secrets are redacted wherever they appear in a logged object. */
export function logger(): pino.Logger {
  g.__keelLogger ??= pino({
    level: env().LOG_LEVEL,
    base: { service: "keel" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["password", "*.password", "token", "*.token", "authorization", "*.authorization", "headers.cookie"],
      censor: "[redacted]",
    },
  }, pino.destination(process.env.KEEL_LOG_TO_STDERR === "1" ? 2 : 1));
  return g.__keelLogger;
}
