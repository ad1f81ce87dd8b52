// Security headers. The Content-Security-Policy allows only scripts carrying this request's nonce
// (Next adds it to its own scripts): an injected <script> or onerror= in model output cannot run.
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (progress bars, chart layout) are not script; they stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sent on every response, pages and API alike (next.config.ts). */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// Two years, subdomains included: a returning visitor is never sent to plain http in between.
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/**
 * The Strict-Transport-Security value when the app is served over https (judged by NEXTAUTH_URL, as
 * next-auth judges its __Secure- cookies), else null: sent over plain http it would be ignored, and
 * a browser that once saw it for a host could no longer reach that host without TLS. Called per
 * request with the runtime value, because next.config.ts headers() are fixed at build time.
 */
export function hstsHeader(nextAuthUrl: string | undefined): string | null {
  if (!nextAuthUrl) return null;
  try {
    return new URL(nextAuthUrl).protocol === "https:" ? HSTS_VALUE : null;
  } catch {
    return null;
  }
}
