// next-auth (v4) configuration: email + password sign-in, JWT cookie carrying the role,
// and a server-side session id so that sign-out and expiry really end the session.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { burnVerifyTime, verifyPassword } from "@/lib/auth/password";
import { createAuthSession, revokeAuthSession } from "@/lib/data/auth-sessions";
import { findUserForSignIn } from "@/lib/data/users";
import { authSecret, env } from "@/lib/env";
import { signInSchema } from "@/lib/validation/auth";

async function authorize(credentials: Record<string, string> | undefined) {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const user = await findUserForSignIn(parsed.data.email);
  if (!user?.passwordHash) {
    await burnVerifyTime(parsed.data.password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
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
