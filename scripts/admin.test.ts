import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, openDb, setDbHandle } from "@/db";
import { principalFromToken } from "@/lib/auth/principal";

const run = promisify(execFile);

// The CLI is run as a user would run it, on its own embedded database.
describe("admin CLI", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "keel-cli-"));
  const env = { ...process.env, KEEL_DATA_DIR: dataDir, DATABASE_URL: "", BCRYPT_COST: "4" };
  const cli = (...args: string[]) => run("npx", ["tsx", "--conditions=react-server", "scripts/admin.ts", ...args], { env });

  afterAll(() => closeDb());

  it("creates a user and a token that authenticates as that user; bad input exits non-zero", async () => {
    const user = await cli("create-user", "--email", "ops@example.com", "--role", "responder", "--password", "a-long-password-1");
    expect(user.stdout).toContain("Created responder ops@example.com");
    const token = (await cli("create-token", "--email", "ops@example.com", "--name", "ci")).stdout.trim();
    expect(token).toMatch(/^keel_[A-Za-z0-9_-]{43}$/);

    const bad = await cli("create-user", "--email", "not-an-email", "--role", "root").catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(1);
    expect((bad as { stderr: string }).stderr).toMatch(/--email: Enter a valid email address/);

    // Open the CLI's database afterwards and check the token there.
    process.env.KEEL_DATA_DIR = dataDir;
    setDbHandle(openDb(""));
    expect(await principalFromToken(token)).toMatchObject({ email: "ops@example.com", role: "responder" });
  }, 60_000);
});
