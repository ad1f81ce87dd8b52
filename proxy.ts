import { NextResponse, type NextRequest } from "next/server";

// Early redirect of signed-out visitors to the sign-in page. Only a convenience:
// every page and route handler checks the session and role itself (lib/auth/guards.ts).
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = new URL("/login", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; /login and static files stay public.
  matcher: ["/((?!api|login|join|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
