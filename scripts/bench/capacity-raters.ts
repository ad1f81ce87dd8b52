// The capacity run's raters, made in bulk SQL: users, study memberships and live sessions, and each
// rater's session cookie minted as the app's sign-in does (lib/auth/options.ts's jwt callback):
// a next-auth JWT (encode with NEXTAUTH_SECRET) carrying uid, role and sid of an AuthSession row.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { Role } from "@/lib/generated/prisma/enums";

export const capacityEmail = (i: number) => `bench-capacity-${i}@example.com`;
const SESSION_HOURS = 24;

/** Creates raters 0..count-1 (id "uc<i>") as members of the given studies; returns their cookie headers. */
export async function capacityRaters(url: string, count: number, studyIds: string[], secret: string): Promise<string[]> {
  const sessionIds = Array.from({ length: count }, () => randomBytes(24).toString("base64url"));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // No password: these accounts can only be used through the sessions made here.
    await client.query(`INSERT INTO "User" (id, email, role, pseudonym)
      SELECT 'uc' || i, 'bench-capacity-' || i || '@example.com', 'RATER'::"Role", 'r_cap' || i
      FROM generate_series(0, $1::int - 1) i`, [count]);
    await client.query(`INSERT INTO "StudyMember" ("studyId", "userId")
      SELECT s, 'uc' || i FROM unnest($1::text[]) s, generate_series(0, $2::int - 1) i`, [studyIds, count]);
    await client.query(`INSERT INTO "AuthSession" (id, "userId", "expiresAt")
      SELECT sid, 'uc' || (n - 1), (now() AT TIME ZONE 'UTC') + make_interval(hours => $2)
      FROM unnest($1::text[]) WITH ORDINALITY AS t(sid, n)`, [sessionIds, SESSION_HOURS]);
    await client.query("COMMIT");
    await client.query(`ANALYZE "User", "StudyMember", "AuthSession"`);
  } finally {
    await client.end();
  }
  return mintCookies(sessionIds, secret);
}

async function mintCookies(sessionIds: string[], secret: string): Promise<string[]> {
  const cookies: string[] = [];
  for (let from = 0; from < sessionIds.length; from += 500) {
    const batch = sessionIds.slice(from, from + 500).map(async (sid, k) => {
      const i = from + k;
      const token = { sub: `uc${i}`, email: capacityEmail(i), name: null, uid: `uc${i}`, role: Role.RATER, sid };
      // http://localhost, so the cookie has no __Secure- prefix (lib/auth/session-cookie.ts).
      return `next-auth.session-token=${await encode({ token, secret, maxAge: SESSION_HOURS * 3600 })}`;
    });
    cookies.push(...(await Promise.all(batch)));
  }
  return cookies;
}
