import type { ChildProcess } from "node:child_process";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

export function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole process group, SIGKILL whatever is left after 15 s. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  killGroup(child, "SIGTERM");
  const deadline = Date.now() + 15_000;
  while (groupAlive(child) && Date.now() < deadline) await sleep(100);
  if (groupAlive(child)) killGroup(child, "SIGKILL");
  await waitExit(child, 5_000);
}
