// Authorization guards. Pages and server actions call requireRole(); route handlers call
// apiUser() and return its error response. Roles are enforced here, never by hiding links.
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cookieSessionClaim, currentUser } from "@/lib/auth/current-user";
import { userForApiToken } from "@/lib/data/api-tokens";
import type { SessionUser } from "@/lib/data/users";
import { Role } from "@/lib/generated/prisma/enums";
import { apiError } from "@/lib/http/api-error";

export { Role };

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages and server actions: a user with one of the roles, else sign-in or 403. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

type ApiAuth = { user: SessionUser; error?: never } | { user?: never; error: Response };

/** For route handlers that manage credentials themselves: the cookie session only, never a token. */
export async function apiSessionUser(...roles: Role[]): Promise<ApiAuth> {
  const user = await currentUser();
  if (!user) return { error: apiError(401, "unauthenticated", "Sign in first.") };
  if (roles.length && !roles.includes(user.role)) return { error: apiError(403, "forbidden", "Your role may not use this resource.") };
  return { user };
}

// Scripts authenticate with a personal token; browsers with the session cookie.
async function bearerUser(): Promise<SessionUser | null | undefined> {
  const header = (await headers()).get("authorization");
  if (!header?.toLowerCase().startsWith("bearer ")) return undefined;
  return userForApiToken(header.slice(7).trim());
}

/** For route handlers: the user (session cookie or API token), or a JSON 401/403 response to return as is. */
export async function apiUser(...roles: Role[]): Promise<ApiAuth> {
  const bearer = await bearerUser();
  if (bearer === null) return { error: apiError(401, "invalid_token", "The API token is not valid: unknown, revoked or expired.") };
  const user = bearer ?? (await currentUser());
  if (!user) return { error: apiError(401, "unauthenticated", "Sign in first.") };
  if (roles.length && !roles.includes(user.role)) {
    return { error: apiError(403, "forbidden", "Your role may not use this resource.") };
  }
  return { user };
}

/**
 * For a route whose one statement checks the session itself (the vote): the cookie's unverified
 * session claim, or null when the request carries an API token or no session cookie. Whatever the
 * statement refuses must go through apiUser before anything is answered.
 */
export async function unverifiedCookieSession(): Promise<{ sessionId: string; userId: string } | null> {
  if ((await headers()).has("authorization")) return null;
  return cookieSessionClaim();
}
