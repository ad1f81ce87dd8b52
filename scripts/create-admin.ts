// `npm run create-admin -- --email you@example.org --password '…'`: creates the first admin,
// or makes an existing account an admin with that password.
import { parseArgs } from "node:util";
import { setAdmin } from "@/lib/data/bootstrap-admin";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/migrations/apply";
import { emailSchema, newPasswordSchema } from "@/lib/validation/auth";

const { values } = parseArgs({ options: { email: { type: "string" }, password: { type: "string" } } });
const email = emailSchema.safeParse(values.email ?? "");
const password = newPasswordSchema.safeParse(values.password ?? "");
if (!email.success || !password.success) {
  const problems = [...(email.error?.issues ?? []), ...(password.error?.issues ?? [])].map((i) => i.message);
  console.error(`usage: npm run create-admin -- --email <email> --password <password>\n${problems.join("\n")}`);
  process.exit(2);
}
await applyMigrations(env().DATABASE_URL);
const admin = await setAdmin(email.data, password.data);
console.log(`[pairwise] ${admin.email} is an admin`);
process.exit(0);
