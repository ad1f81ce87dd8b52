// Who is asking: the next-auth JWT cookie, decoded on the server and checked against its
// server-side session record on every request (so sign-out and expiry take effect at once).
import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { liveSessionUserId } from "@/lib/data/auth-sessions";
import { findActiveUser, type SessionUser } from "@/lib/data/users";
import { authSecret } from "@/lib/env";

// next-auth's cookie name; the __Secure- prefix is used when NEXTAUTH_URL is https.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

async function sessionToken() {
  const store = await cookies();
  const raw = SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  if (!raw) return null;
  try {
    return await decode({ token: raw, secret: authSecret() });
  } catch {
    return null;
  }
}

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await sessionToken();
  if (!token?.sid || !token.uid) return null;
  const userId = await liveSessionUserId(token.sid);
  if (userId !== token.uid) return null;
  return findActiveUser(userId);
});
