import bcrypt from "bcryptjs";
import { env } from "@/lib/env";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env().BCRYPT_COST);
}

// A real hash to compare against when the email is unknown, so both paths take the same time.
const decoy = bcrypt.hashSync("keel-decoy-password", 10);

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(password, decoy);
    return false;
  }
  return bcrypt.compare(password, hash);
}
