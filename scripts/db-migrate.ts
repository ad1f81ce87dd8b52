// `DATABASE_URL=<owner's URL> npm run db:migrate`: applies the pending migrations and the changed rules
// of prisma/sql, as a deploy step (docs/deploy.md); what the server otherwise does at start.
import { applyMigrations } from "@/lib/migrations/apply";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("usage: DATABASE_URL=postgresql://<owner>@<host>/<database> npm run db:migrate");
  process.exit(2);
}
const { applied, repeatable } = await applyMigrations(url);
console.log(`[pairwise] applied migrations: ${applied.join(", ") || "none pending"}`);
console.log(`[pairwise] applied database rules: ${repeatable.join(", ") || "none changed"}`);
