// The login role the app server runs as: data and execute rights on schema public, nothing else (no
// DDL, no TRUNCATE, cannot drop tables or disable triggers). Made by scripts and tests as the tables'
// owner after migrations; the server itself never creates roles. docs/deploy.md has the SQL.
import pg from "pg";
import { randomPassword, scratchName, withUser } from "./postgres";

export type AppRole = { role: string; password: string };

// Lower-case, unquoted-identifier names only, so the name is the same in SQL, URLs and docs.
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// Objects that future migrations create, by the owner running them, get the same rights.
const GRANTS = (role: string) => [
  `GRANT USAGE ON SCHEMA public TO ${role}`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
  `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
  `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${role}`,
  `ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
  `ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
  `ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${role}`,
];

// Migration bookkeeping: Prisma's history and that of the prisma/sql rules (lib/migrations).
export const HISTORY_TABLES = ["_prisma_migrations", "_pairwise_repeatable"];

// Earlier grants (by hand, or an older version of this list) must not survive a reset.
const REVOKES = (role: string) => [
  `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`,
  `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`,
  `ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA public REVOKE ALL ON TABLES FROM ${role}`,
  `ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${role}`,
];

async function createOrReset(c: pg.Client, { role, password }: AppRole) {
  const { rowCount } = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  const attributes = `LOGIN PASSWORD ${c.escapeLiteral(password)}`;
  if (rowCount) await c.query(`ALTER ROLE ${role} WITH ${attributes}`);
  else await c.query(`CREATE ROLE ${role} WITH ${attributes} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`);
}

// An existing role may have been given more by hand; refuse rather than run the app with it.
async function checkNothingMore(c: pg.Client, role: string) {
  const { rows } = await c.query<{ problem: string | null }>(
    `SELECT CASE
       WHEN r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls
         THEN 'has SUPERUSER, CREATEROLE, CREATEDB, REPLICATION or BYPASSRLS'
       WHEN EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = r.oid)
         THEN 'is a member of another role, whose rights it would use'
       WHEN has_schema_privilege(r.oid, 'public', 'CREATE')
         THEN 'may create objects in schema public (PostgreSQL before 15 grants that to PUBLIC: REVOKE CREATE ON SCHEMA public FROM PUBLIC)'
     END AS problem
     FROM pg_roles r WHERE r.rolname = $1`,
    [role],
  );
  const problem = rows[0]?.problem;
  if (problem) throw new Error(`role ${role} ${problem}`);
}

/**
 * Creates the app's login role (or resets its password and rights) in ownerUrl's database; run as the
 * tables' owner after migrations. Returns ownerUrl with the role's credentials.
 */
export async function ensureAppRole(ownerUrl: string, appRole: AppRole): Promise<string> {
  const { role } = appRole;
  if (!ROLE_NAME.test(role)) throw new Error(`app role name ${JSON.stringify(role)}: use lower-case letters, digits and _`);
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ owner: string; database: string }>("SELECT current_user AS owner, current_database() AS database");
    if (rows[0]!.owner === role) throw new Error(`the app role must not be the owner (${role}) itself`);
    await c.query("BEGIN");
    await createOrReset(c, appRole);
    // The app's history of migrations (and of the prisma/sql rules) is not its data: keep it out of the app's reach.
    const statements = [...REVOKES(role), `GRANT CONNECT ON DATABASE ${c.escapeIdentifier(rows[0]!.database)} TO ${role}`, ...GRANTS(role)];
    for (const sql of statements) await c.query(sql);
    for (const table of HISTORY_TABLES) {
      await c.query(`DO $$ BEGIN IF to_regclass('public.${table}') IS NOT NULL THEN REVOKE ALL ON public."${table}" FROM ${role}; END IF; END $$`);
    }
    await checkNothingMore(c, role);
    await c.query("COMMIT");
  } catch (error) {
    await c.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await c.end();
  }
  return withUser(ownerUrl, role, appRole.password);
}

/** A per-run role for a test server: roles are cluster-wide, and CI's server is shared by concurrent runs. */
export function scratchAppRole(): AppRole {
  return { role: scratchName("pairwise_app"), password: randomPassword() };
}

/**
 * Drops a per-run app role. Connected to a database the role still has rights in (e.g. a test's,
 * before it is dropped), those rights are revoked first; after DROP DATABASE any database will do.
 * Warns instead of failing: a left-over role must not hide the run's own result.
 */
export async function dropAppRole(url: string, role: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const { rowCount } = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (!rowCount) return;
    // Needs membership in the role (a superuser has it); without, DROP ROLE alone works once its databases are gone.
    await c.query(`DROP OWNED BY ${c.escapeIdentifier(role)}`).catch(() => {});
    await c.query(`DROP ROLE ${c.escapeIdentifier(role)}`);
  } catch (error) {
    console.warn(`[pairwise] could not drop role ${role}: ${(error as Error).message}`);
  } finally {
    await c.end().catch(() => {});
  }
}
