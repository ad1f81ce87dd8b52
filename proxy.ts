import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { invalidUrlRefusal } from "@/lib/http/request-guard";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

// Sets a per-request CSP nonce on pages, and redirects signed-out visitors of protected pages to
// sign-in early. The redirect is only a convenience: every page and route handler checks the
// session and role itself (lib/auth/guards.ts).
const PUBLIC_PAGES = [/^\/login(\/|$)/, /^\/join\//, /^\/crowd\//, /^\/invite\//, /^\/reset\//, /^\/withdrawn$/];

function signInRedirect(request: NextRequest): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.some((p) => p.test(pathname))) return null;
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return null;
  const url = new URL("/login", request.url);
  url.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(url);
}

export function proxy(request: NextRequest) {
  const invalid = invalidUrlRefusal(request.nextUrl);
  if (invalid) return invalid;
  const redirect = signInRedirect(request);
  if (redirect) return redirect;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only, prefetches included (every HTML response carries the CSP). Not /api: the proxy buffers
  // request bodies up to a 10 MB cap, which would cut large uploads short; API responses get their
  // security headers from next.config.ts and their guards from lib/http/route.ts.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
