// The cookie that holds a crowd participant's secret: set at first entry by the crowd page's server
// action, read by next-auth's "crowd" sign-in. One cookie per study, so studies never share a secret.
import "server-only";
import { env } from "@/lib/env";

export function crowdCookieName(studyId: string): string {
  return `pairwise-crowd-${studyId}`;
}

// Long-lived: a participant may return days later, and losing the cookie locks them out of their rater.
const MAX_AGE_SECONDS = 90 * 86_400;

export function crowdCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env().NEXTAUTH_URL?.startsWith("https:") ?? false,
    path: "/",
    maxAge: MAX_AGE_SECONDS,
  };
}

/** One cookie's value from a raw Cookie header (next-auth hands authorize() the request's headers). */
export function cookieFromHeader(header: unknown, name: string): string | undefined {
  if (typeof header !== "string") return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
