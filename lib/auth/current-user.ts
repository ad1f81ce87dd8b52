// Who is asking: the next-auth JWT cookie, decoded on the server and checked against its
// server-side session record on every request (so sign-out and expiry take effect at once).
import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { liveSessionUser } from "@/lib/data/auth-sessions";
import type { SessionUser } from "@/lib/data/users";
import { authSecret } from "@/lib/env";
import { MACHINERY, machineryOn } from "@/lib/machinery";

// Decrypting the cookie is a key derivation plus AES-GCM on every request. Kept for target 2 of
// docs/benchmarks.md (votes ≥ 0.7× health): without it votes @16 fell from 0.52× to 0.44× health
// (switch: decoded-cookies). The payload of a given cookie string never changes, so decoded cookies
// are kept, bounded, until their own expiry. Revocation is unaffected: the session
// row is still checked on every request.
// Room for every rater of the capacity target (5,000+ at once) with their cookies kept (a few MB).
const DECODED_MAX = 20_000;
const decoded = new Map<string, JWT>();

async function decodeCookie(raw: string): Promise<JWT | null> {
  const keep = machineryOn(MACHINERY.decodedCookies);
  const hit = keep ? decoded.get(raw) : undefined;
  if (hit && (typeof hit.exp !== "number" || hit.exp * 1000 > Date.now())) return hit;
  let token: JWT | null;
  try {
    token = await decode({ token: raw, secret: authSecret() });
  } catch {
    return null;
  }
  if (token && keep) {
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(raw, token);
  }
  return token;
}

async function sessionToken() {
  const store = await cookies();
  const raw = SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  return raw ? decodeCookie(raw) : null;
}

/**
 * The session and user ids the cookie names, decoded but NOT checked against the database: only for
 * a statement that checks the session itself (the vote's fast path, via liveSessionWithRoleSql).
 */
export async function cookieSessionClaim(): Promise<{ sessionId: string; userId: string } | null> {
  const token = await sessionToken();
  return token?.sid && token.uid ? { sessionId: String(token.sid), userId: String(token.uid) } : null;
}

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await sessionToken();
  if (!token?.sid || !token.uid) return null;
  return liveSessionUser(token.sid, token.uid);
});
