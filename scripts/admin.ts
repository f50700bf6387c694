/**
 * Keel's admin CLI: `npm run admin -- <command> [--flag value]`.
 *   create-user  --email E --role viewer|responder|admin [--name N] [--password P] [--team SLUG]
 *   create-token --email E --name N [--role R]      prints the token once
 *   set-role     --email E --role R
 *   migrate | seed
 * With the embedded database, stop the Keel server first (PGlite allows one process at a time).
 */
import { parseArgs } from "node:util";

process.env.KEEL_LOG_TO_STDERR = "1";
import { randomBytes } from "node:crypto";
import { migrate } from "@/db/migrate";
import { closeDb } from "@/db";
import { cliPrincipal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" }, team: { type: "string" } },
});

async function run(): Promise<void> {
  switch (command) {
    case "migrate":
      await migrate();
      console.log("Migrations applied.");
      return;
    case "seed": {
      await migrate();
      const { seedDemo } = await import("@/db/seed");
      const r = await seedDemo();
      console.log(r.created ? "Demo organisation seeded." : "Demo data already present; nothing changed.");
      return;
    }
    case "create-user": {
      await migrate();
      const { userInputSchema } = await import("@/lib/users/schemas");
      const { createUser } = await import("@/lib/users/queries");
      const generated = values.password ? undefined : randomBytes(12).toString("base64url");
      const input = userInputSchema.parse({ email: values.email, name: values.name ?? values.email?.split("@")[0], role: values.role, password: values.password ?? generated, team: values.team });
      const user = await createUser(cliPrincipal, input);
      console.log(`Created ${user.role} ${user.email}${generated ? ` with password: ${generated}` : ""}`);
      return;
    }
    case "create-token": {
      await migrate();
      const { tokenInputSchema } = await import("@/lib/users/schemas");
      const { createToken } = await import("@/lib/tokens/queries");
      const t = await createToken(cliPrincipal, tokenInputSchema.parse({ email: values.email, name: values.name, role: values.role }));
      console.log(t.token);
      return;
    }
    case "set-role": {
      const { setUserRole, userIdByEmail } = await import("@/lib/users/queries");
      const { roles } = await import("@/lib/auth/roles");
      const role = roles.find((r) => r === values.role);
      const id = values.email ? await userIdByEmail(values.email) : null;
      if (!role || !id) throw new AppError("bad_request", "set-role needs --email of an existing user and --role viewer|responder|admin.");
      await setUserRole(cliPrincipal, id, role);
      console.log(`${values.email} is now ${role}.`);
      return;
    }
    default:
      console.error("Usage: npm run admin -- create-user|create-token|set-role|migrate|seed [--email E --role R --name N --password P --team T]");
      process.exitCode = 2;
  }
}

try {
  await run();
} catch (err) {
  if (err instanceof AppError) {
    console.error(`Error: ${err.message}${err.fields ? " " + JSON.stringify(err.fields) : ""}`);
  } else if (err && typeof err === "object" && "issues" in err) {
    for (const i of (err as { issues: { path: unknown[]; message: string }[] }).issues) console.error(`Error: --${i.path.join(".")}: ${i.message}`);
  } else {
    console.error(err);
  }
  process.exitCode = 1;
} finally {
  await closeDb();
}
