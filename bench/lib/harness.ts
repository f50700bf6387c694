/**
 * What every bench needs: command-line flags, a log line, a number format, and clean-up of
 * everything it started (databases, processes, temp dirs), in reverse order, also on Ctrl+C.
 */
import postgres from "postgres";

const args = process.argv.slice(2);

/** The value after `--name`, or undefined. */
export function flag(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export const hasFlag = (name: string) => args.includes(name);
export const log = (line: string) => console.error(`[bench] ${line}`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** 3 significant-ish digits: 123, 12.3, 1.23. */
export const f1 = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

const cleanups: Array<() => Promise<void>> = [];
let cleaning: Promise<void> | undefined;

/** Registers an undo step; steps run newest first. */
export function onCleanup(step: () => Promise<unknown> | unknown): void {
  cleanups.push(async () => void (await step()));
}

/** Runs every registered step once (later calls wait for the same run). */
export function cleanup(): Promise<void> {
  return (cleaning ??= (async () => {
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch (e) {
        console.error(`cleanup: ${(e as Error).message}`);
      }
    }
  })());
}

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** A fresh database on `server` named `<prefix>_<time>`, dropped at clean-up; its URL. */
export async function createBenchDatabase(server: string, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now()}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  onCleanup(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    log(`dropped database ${name}`);
  });
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}
