// `npm run create-admin -- --email you@example.org --password '…'`: creates the first admin, or makes
// an existing account an admin with that password. Uses DATABASE_URL, else the embedded PostgreSQL
// under .data/ (the running app's, or started for the occasion).
import { parseArgs } from "node:util";
import { applyMigrations } from "@/lib/migrations/apply";
import { emailSchema, newPasswordSchema } from "@/lib/validation/auth";
import { appDatabase } from "./lib/app-database";

const { values } = parseArgs({ options: { email: { type: "string" }, password: { type: "string" } } });
const email = emailSchema.safeParse(values.email ?? "");
const password = newPasswordSchema.safeParse(values.password ?? "");
if (!email.success || !password.success) {
  const problems = [...(email.error?.issues ?? []), ...(password.error?.issues ?? [])].map((i) => i.message);
  console.error(`usage: npm run create-admin -- --email <email> --password <password>\n${problems.join("\n")}`);
  process.exit(2);
}
const database = await appDatabase();
try {
  process.env.DATABASE_URL = database.ownerUrl;
  await applyMigrations(database.ownerUrl);
  // Imported only now: the data layer reads DATABASE_URL when it first connects.
  const { setAdmin } = await import("@/lib/data/bootstrap-admin");
  const admin = await setAdmin(email.data, password.data);
  console.log(`[pairwise] ${admin.email} is an admin`);
} finally {
  await database.stop();
}
process.exit(0);
