// next-auth (v4) configuration: email + password sign-in, JWT cookie carrying the role,
// and a server-side session id so that sign-out and expiry really end the session.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookieFromHeader, crowdCookieName } from "@/lib/auth/crowd-cookie";
import { burnVerifyTime, verifyPassword } from "@/lib/auth/password";
import { createAuthSession, revokeAuthSession } from "@/lib/data/auth-sessions";
import { findCrowdStudy, resumeCrowdRater } from "@/lib/data/crowd";
import { beginSignIn, signInSucceeded } from "@/lib/data/sign-in-attempts";
import { findUserForSignIn } from "@/lib/data/users";
import { authSecret, env } from "@/lib/env";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { signInSchema } from "@/lib/validation/auth";
import { participantIdSchema } from "@/lib/validation/study";

/** The error code the login form turns into "Too many sign-in attempts…". */
export const RATE_LIMITED = "RateLimited";

// next-auth hands authorize() the request headers as a plain object.
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return clientAddressFromHeaders(new Headers(typeof forwarded === "string" ? { "x-forwarded-for": forwarded } : {}));
}

async function checkPassword(email: string, password: string) {
  const user = await findUserForSignIn(email);
  if (!user?.passwordHash) {
    await burnVerifyTime(password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

async function authorize(credentials: Record<string, string> | undefined, req: { headers?: Record<string, unknown> }) {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = clientAddress(req.headers);
  const config = env();
  const limit = { maxPerAccount: config.SIGNIN_MAX_FAILURES_PER_ACCOUNT, maxPerAddress: config.SIGNIN_MAX_FAILURES_PER_ADDRESS, windowMinutes: config.SIGNIN_WINDOW_MINUTES };
  const attempt = await beginSignIn(email, address, limit);
  if (!attempt.allowed) throw new Error(RATE_LIMITED);
  const user = await checkPassword(email, password);
  if (user) await signInSucceeded(attempt, email);
  return user && { id: user.id, email: user.email, name: user.name, role: user.role };
}

// Signs in a crowd participant whose rater the crowd page's server action made (lib/data/crowd.ts
// enterCrowd), and only in the browser holding that participant's secret cookie. Never creates users.
async function authorizeCrowd(credentials: Record<string, string> | undefined, req: { headers?: Record<string, unknown> }) {
  const pid = participantIdSchema.safeParse(credentials?.participantId);
  if (!pid.success || !credentials?.token) return null;
  const study = await findCrowdStudy(credentials.token);
  if (!study) return null;
  const secret = cookieFromHeader(req.headers?.cookie, crowdCookieName(study.id));
  const user = await resumeCrowdRater(study.id, pid.data, secret);
  return user && { id: user.id, email: null, name: null, role: user.role };
}

export function authOptions(): NextAuthOptions {
  const maxAge = env().SESSION_MAX_AGE_HOURS * 3600;
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize,
      }),
      CredentialsProvider({
        id: "crowd",
        name: "Crowd participant",
        credentials: { token: { type: "text" }, participantId: { type: "text" } },
        authorize: authorizeCrowd,
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sid = await createAuthSession(user.id, maxAge);
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.uid, role: token.role, email: token.email ?? null, name: token.name ?? null };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeAuthSession(token.sid);
      },
    },
  };
}
