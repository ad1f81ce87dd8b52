// next-auth's session cookie names (the __Secure- prefix is used when NEXTAUTH_URL is https), read by
// proxy.ts for its early sign-in redirect and by current-user.ts to find the session.
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
