import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** Child-process plumbing for the Prometheus runner: ports, log tails, stopping, readiness. */

/** A free loopback port: listen on port 0, note the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      if (addr === null || typeof addr === "string") {
        srv.close();
        reject(new Error("freePort: no port"));
        return;
      }
      srv.close(() => resolve(addr.port));
    });
  });
}

export class Tail {
  private lines: string[] = [];
  private partial = "";
  constructor(private readonly max = 60) {}
  push(chunk: Buffer | string) {
    const parts = (this.partial + chunk.toString()).split("\n");
    this.partial = parts.pop() ?? "";
    this.lines.push(...parts);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  toString() {
    return [...this.lines, this.partial].filter(Boolean).join("\n");
  }
}

export function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once("exit", onExit);
  });
}

export async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  if (await waitForExit(child, 5_000)) return;
  child.kill("SIGKILL");
  await waitForExit(child, 5_000);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


/** Resolves to undefined when ready, or to a description of why it never became ready. */
export async function waitReady(
  child: ChildProcess,
  closed: Promise<void>,
  url: string,
  timeoutMs: number,
  spawnError: () => Error | undefined,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    const err = spawnError();
    if (err) return `could not run prometheus: ${err.message}`;
    if (child.exitCode !== null || child.signalCode !== null) {
      // Let the last output arrive (stdio closes after exit) before reporting.
      await Promise.race([closed, sleep(1_000)]);
      return `prometheus exited before it was ready (code ${child.exitCode}, signal ${child.signalCode})`;
    }
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return undefined;
      last = `/-/ready answered ${res.status}`;
      await res.body?.cancel();
    } catch (e) {
      last = (e as Error).message;
    }
    await sleep(50);
  }
  return `prometheus was not ready within ${timeoutMs}ms (${last})`;
}
