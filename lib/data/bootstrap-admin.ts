// The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD or `npm run create-admin`.
import "server-only";
import { db } from "@/lib/db";
import { upsertUser, createUser } from "@/lib/data/users";

/** Creates the admin if the email is unknown; an existing account is left as it is. */
export async function ensureAdmin(email: string, password: string): Promise<"created" | "exists"> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return "exists";
  await createUser({ email, password, role: "ADMIN" });
  return "created";
}

/** Creates the admin, or makes the existing account an admin with this password. */
export async function setAdmin(email: string, password: string) {
  return upsertUser({ email, password, role: "ADMIN" });
}
